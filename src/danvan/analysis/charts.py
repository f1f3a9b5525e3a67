"""The analysis as charts (danvan.portal.charts): the series, and the children's ranking."""

from __future__ import annotations

from danvan.portal.charts import Chart, Series

from .selectors import Analysis, Rank


def name_with_unit(name: str, unit: str) -> str:
    """ "Tiếp công dân (lượt)": the unit once, even when the name already ends with it."""
    unit = unit.strip()
    return f"{name} ({unit})" if unit and f"({unit})" not in name else name


def indicator_label(analysis: Analysis) -> str:
    name = analysis.indicator.name
    if analysis.option is not None:
        name = f"{name} — {analysis.option.name}"
    return name_with_unit(name, analysis.indicator.unit_of_measure)


def series_chart(analysis: Analysis) -> Chart:
    notes = []
    for p in analysis.points:
        note = p.sources.text
        if p.note:
            note = f"{note}; {p.note}" if note else p.note
        notes.append(note)
    return Chart(
        key="chuoi-thoi-gian",
        title=f"{indicator_label(analysis)} — {analysis.root.name} qua các kỳ",
        kind="line",
        category_label="Kỳ báo cáo",
        categories=[p.period.name for p in analysis.points],
        series=[
            Series("Giá trị", [p.value for p in analysis.points], notes),
            Series("Cùng kỳ năm trước", [p.previous for p in analysis.points]),
        ],
        unit="%" if analysis.indicator.unit_of_measure.strip() == "%" else "",
        note=" ".join(analysis.lineage.rules),
    )


def children_chart(analysis: Analysis, ranks: list[Rank], period_name: str) -> Chart:
    return Chart(
        key="so-sanh-don-vi",
        title=f"{indicator_label(analysis)} — so sánh các đơn vị trực thuộc, {period_name}",
        kind="bar",
        category_label="Đơn vị",
        categories=[r.unit.name for r in ranks],
        series=[
            Series(period_name, [r.value for r in ranks]),
            Series("Cùng kỳ năm trước", [r.previous for r in ranks]),
        ],
        unit="%" if analysis.indicator.unit_of_measure.strip() == "%" else "",
        horizontal=True,
    )
