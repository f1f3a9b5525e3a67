"""The `danvan` command.

Each subcommand lives in its own module exposing `add_arguments(parser)` and `run(args) -> int`;
COMMANDS maps the subcommand name to that module, imported only when the subcommand runs so
that `danvan parse` never loads Django.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("danvan.commands.serve", "Chạy ứng dụng web trên máy này"),
    "demo": ("danvan.commands.demo", "Nạp dữ liệu mẫu (chạy lại không nhân đôi)"),
    "migrate": ("danvan.commands.migrate", "Tạo và cập nhật cơ sở dữ liệu"),
    "createadmin": ("danvan.commands.createadmin", "Tạo tài khoản quản trị"),
    "check": ("danvan.commands.check", "Kiểm tra cấu hình và kết nối cơ sở dữ liệu"),
    "parse": ("danvan.commands.parse", "Đọc văn bản (txt, pdf, docx, doc) và in cấu trúc JSON"),
    "remind": (
        "danvan.commands.remind",
        "Gửi nhắc nhở hạn nộp báo cáo và việc đến hạn trong sổ theo dõi (thư và thông báo)",
    ),
    "worker": (
        "danvan.commands.worker",
        "Tiến trình nền: nhập văn bản, nhận dạng lô tệp, nhắc hạn mỗi giờ",
    ),
    "import": (
        "danvan.commands.import_file",
        "Nhập báo cáo từ tệp: nhận dạng đơn vị, yêu cầu và số liệu",
    ),
    "units": ("danvan.commands.units", "Nhập/xuất đơn vị và quan hệ kế thừa (CSV, JSON)"),
    "render": ("danvan.commands.render", "Viết văn bản DOCX/PDF theo thể thức Đảng hoặc Nhà nước"),
    "backup": (
        "danvan.commands.backup",
        "Sao lưu cơ sở dữ liệu, tệp đã lưu và khóa vào một tệp (có tổng kiểm tra)",
    ),
    "restore": (
        "danvan.commands.restore",
        "Kiểm tra bản sao lưu và khôi phục vào cơ sở dữ liệu trống",
    ),
    "summaries": (
        "danvan.commands.summaries",
        "Đối chiếu (hoặc tính lại) bảng tổng hợp số liệu với số liệu các báo cáo",
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="danvan",
        description="Danvan — hệ thống thông tin công tác dân vận.",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name, (module_name, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        sub_parser.set_defaults(_module=module_name)
        module = importlib.import_module(module_name)
        module.add_arguments(sub_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    module = importlib.import_module(args._module)
    return int(module.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
