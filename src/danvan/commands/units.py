"""`danvan units export|import`: the unit tree and its successions as CSV or JSON files."""

from pathlib import Path


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="THAO_TÁC")
    export = sub.add_parser("export", help="Xuất đơn vị và quan hệ kế thừa")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        help="Tệp .json, hoặc thư mục nhận units.csv và successions.csv",
    )
    importer = sub.add_parser(
        "import", help="Nhập đơn vị và quan hệ kế thừa (kiểm tra toàn bộ trước khi ghi)"
    )
    importer.add_argument(
        "files", nargs="+", help="Một tệp .json, hoặc units.csv [successions.csv]"
    )


def run(args) -> int:
    from ._django import setup

    setup()
    from danvan.accounts.permissions import SYSTEM
    from danvan.orgs import interchange, selectors, services

    if args.action == "export":
        units, successions = selectors.export_rows(SYSTEM)
        output = Path(args.output)
        if args.format == "json":
            output.write_text(interchange.to_json(units, successions), encoding="utf-8")
        else:
            output.mkdir(parents=True, exist_ok=True)
            (output / "units.csv").write_text(interchange.units_to_csv(units), encoding="utf-8")
            (output / "successions.csv").write_text(
                interchange.successions_to_csv(successions), encoding="utf-8"
            )
        print(f"Đã xuất {len(units)} đơn vị và {len(successions)} quan hệ kế thừa vào {output}.")
        return 0
    try:
        units, successions = _read(args.files, interchange)
        result = services.import_units(SYSTEM, units, successions)
    except (interchange.InterchangeError, OSError, UnicodeDecodeError) as exc:
        print(f"Lỗi: {exc}")
        return 2
    except services.ImportRejected as exc:
        print("Không nhập được, không có thay đổi nào được ghi:")
        for error in exc.errors:
            print(f"  - {error}")
        return 2
    print(result.summary())
    return 0


def _read(files, interchange):
    first = Path(files[0])
    if first.suffix.lower() == ".json":
        return interchange.from_json(first.read_text(encoding="utf-8"))
    units = interchange.units_from_csv(first.read_text(encoding="utf-8"))
    successions = (
        interchange.successions_from_csv(Path(files[1]).read_text(encoding="utf-8"))
        if len(files) > 1
        else []
    )
    return units, successions
