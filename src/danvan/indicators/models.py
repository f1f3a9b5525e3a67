"""The indicator catalogue (chỉ tiêu): what units report as numbers, how the numbers add up
across units, how they break down, and the rules between them."""

from django.db import models


class Aggregation(models.TextChoices):
    SUM = "sum", "Cộng"
    AVERAGE = "average", "Trung bình"
    LAST = "last", "Giá trị cuối kỳ"
    MIN = "min", "Nhỏ nhất"
    MAX = "max", "Lớn nhất"


class ValueType(models.TextChoices):
    """Counts (lượt, người, đơn…) are whole numbers; money, percentages and measures may not be."""

    INTEGER = "integer", "Số nguyên"
    DECIMAL = "decimal", "Số thập phân"


class Category(models.Model):
    """A way of breaking an indicator down, e.g. petitions by kind."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = "phân tổ"
        verbose_name_plural = "phân tổ"

    def __str__(self) -> str:
        return self.name


class CategoryOption(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField("mã", max_length=40)
    name = models.CharField("tên", max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["category", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="option_unique_code")
        ]
        verbose_name = "giá trị phân tổ"
        verbose_name_plural = "giá trị phân tổ"

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit_of_measure = models.CharField("đơn vị tính", max_length=40)
    value_type = models.CharField(
        "kiểu giá trị", max_length=10, choices=ValueType.choices, default=ValueType.DECIMAL
    )
    aggregation = models.CharField(
        "cách tổng hợp", max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name="phân tổ",
    )
    group = models.CharField("nhóm", max_length=120, blank=True)
    description = models.TextField("giải thích", blank=True)
    # Phrases that introduce the figure in a written report (used when reading documents).
    cues = models.JSONField("cụm từ nhận dạng", default=list, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_of_measure})"


class Operator(models.TextChoices):
    LE = "<=", "≤"
    LT = "<", "<"
    EQ = "==", "="
    GE = ">=", "≥"


class ValidationRule(models.Model):
    """left op right, each side an indicator total or one of its options."""

    code = models.SlugField("mã", max_length=60, unique=True)
    left = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="+", verbose_name="vế trái"
    )
    left_option = models.ForeignKey(
        CategoryOption, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    operator = models.CharField("phép so sánh", max_length=2, choices=Operator.choices)
    right = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="+", verbose_name="vế phải"
    )
    right_option = models.ForeignKey(
        CategoryOption, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.CharField("thông báo khi vi phạm", max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = "quy tắc kiểm tra"
        verbose_name_plural = "quy tắc kiểm tra"

    def __str__(self) -> str:
        return self.message
