"""A reviewer-friendly terminal view of one record (the non-JSON output of `perfaudit extract`)."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table

from models.report import Report

console = Console(highlight=False)

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
"""Terminal colours of finding severities, shared by every command that prints findings."""
_WAN = Decimal(10000)


def wan(amount: Decimal | None) -> str:
    """Money as reviewers read it: 万元 with the figures they would type."""
    return "—" if amount is None else f"{amount / _WAN:,.2f}万元"


def print_report(report: Report) -> None:
    src = report.source
    console.rule(f"[bold]{src.path}[/]  [dim]{src.format or '?'} · {report.kind}[/]")
    if report.kind != "unreadable":
        _print_figures(report)
    _print_findings(report)


def _print_figures(report: Report) -> None:
    project, budget = report.project, report.budget
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("项目", f"{project.name or '—'}（{project.year or '年度不详'}）")
    facts.add_row("实施单位", project.implementing_unit or "—")
    facts.add_row("预算/调整后", f"{wan(budget.planned)} / {wan(budget.adjusted)}")
    facts.add_row("到位/支出/结余", f"{wan(budget.received)} / {wan(budget.spent)} / {wan(budget.balance)}")
    rate = f"{budget.execution_rate}%" if budget.execution_rate is not None else "—"
    facts.add_row("执行率", rate)
    facts.add_row(
        "明细",
        f"资金来源 {len(budget.sources)} 行 · 支出明细 {len(report.spending_items)} 项 · "
        f"评分表 {len(report.scores)} 行 · 指标 {len(report.indicators)} 行",
    )
    total = "—" if report.total_score is None else f"{report.total_score}"
    facts.add_row("总分/等级", f"{total} / {report.grade or '—'}")
    console.print(facts)


def _print_findings(report: Report) -> None:
    if not report.findings:
        console.print("[green]未发现不一致[/]")
        return
    for finding in report.findings:
        style = SEVERITY_STYLES.get(finding.severity, "")
        where = "；".join(e.place() or e.text for e in finding.evidence[:3])
        console.print(f"[{style}]{finding.severity:<7}[/] {finding.rule}  {finding.message}  [dim]{where}[/]")


def print_totals(kinds: dict[str, int]) -> None:
    total = sum(kinds.values())
    detail = "，".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    console.print(f"\n[bold]{total} 个文件[/]：{detail}")
