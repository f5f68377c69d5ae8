"""Admin spreadsheet exports that a spreadsheet program opens as text, never as formulas.

Wagtail's ``SpreadsheetExportMixin`` already writes XLSX cells that look like formulas as strings, but leaves CSV
as it is: Wagtail deliberately leaves CSV formula escaping to the application (wagtail/wagtail#7554), so every
admin export view of this project mixes this in.
"""

# A spreadsheet opens a CSV cell starting with one of these as a formula (OWASP "CSV Injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula; other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For a view using Wagtail's ``SpreadsheetExportMixin``: text cells of its CSV export cannot start a formula.

    Put it before the Wagtail view in the bases: ``class SubscriberIndexView(FormulaSafeExportMixin, IndexView)``.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value
