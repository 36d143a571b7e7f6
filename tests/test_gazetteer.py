"""The gazetteer is current: county-level names changed after 2020 resolve to their present
names and parents, and loading it needs no deprecated packaging API."""
import subprocess
import sys

import pytest

from targets.regions import detect_region, gazetteer


@pytest.mark.parametrize("title, region, city, county", [
    # 许昌县 became 建安区 (2016, missing from cpca 0.5.5's list until it was refreshed)
    ("许昌市建安区教育局2024年教育工作要点", "河南省许昌市建安区", "许昌市", "建安区"),
    # 偃师市 became 偃师区 of 洛阳市 in 2021
    ("洛阳市偃师区教育局2023年工作要点", "河南省洛阳市偃师区", "洛阳市", "偃师区"),
    # 横县 became 横州市 in 2021
    ("横州市教育局关于印发2022年教育工作要点的通知", "广西壮族自治区南宁市横州市", "南宁市", "横州市"),
    # 邢台市桥东区 was renamed 襄都区 in 2020
    ("邢台市襄都区教育局2024年工作要点", "河北省邢台市襄都区", "邢台市", "襄都区"),
    # 湟中县 became 湟中区 of 西宁市 in 2020
    ("西宁市湟中区教育局2025年教育工作要点", "青海省西宁市湟中区", "西宁市", "湟中区"),
])
def test_renamed_counties_have_current_names_and_parents(title, region, city, county):
    r = detect_region(title + "\n全区教育系统要认真落实。", head=title)
    assert (r.region, r.city, r.county) == (region, city, county)


def test_abolished_names_are_gone():
    _, names = gazetteer()
    for old in ("许昌县", "横县", "偃师市", "湟中县"):
        assert old not in names


def test_municipality_has_one_entry_not_a_city_duplicate():
    _, names = gazetteer()
    assert [code for code, full in names["上海市"] if full] == ["310000000000"]


def test_gazetteer_loads_without_pkg_resources():
    # Python 3.12+ venvs carry no setuptools: loading the data must not need pkg_resources.
    code = ("import sys; sys.modules['pkg_resources'] = None; "
            "from targets.regions import gazetteer; print(len(gazetteer()[0]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 3000


def test_project_imports_load_no_deprecated_packaging_modules():
    code = ("import sys, targets.extract, targets.dashboard, targets.build, targets.office, targets.sources; "
            "from targets.extract import extract_text; extract_text('新增托位10个。', source_file='a.txt'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pkg_resources', 'imp', 'distutils', 'setuptools')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
