def test_settings_load():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "vi"
