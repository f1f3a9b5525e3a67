import getpass
import os


def add_arguments(parser) -> None:
    parser.add_argument("--username", help="Tên đăng nhập (mặc định: hỏi)")
    parser.add_argument("--email", default="")
    parser.add_argument(
        "--password-env",
        metavar="BIẾN",
        help="Đọc mật khẩu từ biến môi trường này thay vì hỏi (dùng cho kịch bản tự động)",
    )


def run(args) -> int:
    from ._django import setup

    setup()
    from django.core.exceptions import ValidationError

    from danvan.accounts.errors import AccountError
    from danvan.accounts.permissions import SYSTEM
    from danvan.accounts.services import create_user

    username = args.username or input("Tên đăng nhập: ").strip()
    if args.password_env:
        password = os.environ.get(args.password_env, "")
    else:
        password = getpass.getpass("Mật khẩu: ")
        if password != getpass.getpass("Nhập lại mật khẩu: "):
            print("Lỗi: hai lần nhập mật khẩu không khớp.")
            return 2
    try:
        create_user(SYSTEM, username, password, email=args.email, is_superuser=True)
    except ValidationError as exc:
        print("Lỗi: mật khẩu chưa đạt yêu cầu: " + " ".join(exc.messages))
        return 2
    except AccountError as exc:
        print(f"Lỗi: {exc.message}")
        return 2
    print(f"Đã tạo tài khoản quản trị '{username}'.")
    return 0
