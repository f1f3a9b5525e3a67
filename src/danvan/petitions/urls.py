from django.urls import path

from . import views, views_book, views_forms

app_name = "petitions"
urlpatterns = [
    path("", views.index, name="index"),
    path("don/", views.petition_list, name="petitions"),
    path("don/moi/", views.petition_new, name="petition_new"),
    path("don/nhap/", views.petition_import, name="petition_import"),
    path("don/mau.xlsx", views.petition_template, name="petition_template"),
    path("don/xuat-csdl/", views.national_export, name="national_export"),
    path("don/<int:petition_id>/", views.petition_detail, name="petition"),
    path("don/<int:petition_id>/su-kien/", views.petition_event, name="petition_event"),
    path("don/<int:petition_id>/diem-nong/", views.petition_hot_spot, name="petition_hot_spot"),
    path("so/", views_book.book, name="book"),
    path("so/moi/", views_book.session_new, name="session_new"),
    path("so/xuat.xlsx", views_book.book_export, name="book_export"),
    path("so/in.docx", views_book.book_print, name="book_print"),
    path("so/<int:session_id>/", views_book.session_detail, name="session"),
    path("so/<int:session_id>/luot/", views_book.entry_add, name="entry_add"),
    path("luot/<int:entry_id>/ho-so/", views_book.entry_petition, name="entry_petition"),
    path("so/<int:session_id>/ket-luan/", views_book.conclusion, name="conclusion"),
    path("so/<int:session_id>/nhiem-vu/", views_book.task_add, name="task_add"),
    path("nhiem-vu/<int:task_id>/xong/", views_book.task_done, name="task_done"),
    path("bieu/", views_forms.forms_page, name="forms"),
    path("bieu/xuat.xlsx", views_forms.form_export, name="form_export"),
    path("bieu/nhap/", views_forms.form_import, name="form_import"),
    path("bieu/mau.xlsx", views_forms.form_template, name="form_template"),
    path("thoi-han/", views_forms.rules_page, name="rules"),
    path("thoi-han/<int:rule_id>/xac-nhan/", views_forms.rule_confirm, name="rule_confirm"),
    path("thoi-han/lich/", views_forms.calendar_add, name="calendar_add"),
]
