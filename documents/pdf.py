"""The declarations as PDF files, generated with fpdf2 in DejaVu Sans (shipped in ``fonts/`` with its licence),
which has every Polish letter. Labels go through gettext: a PDF is made in the language that is active.

The accession declaration is a form: blank here, filled in from an application by ``membership.pdf``.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from django.utils.translation import gettext as _

FONT_DIR = Path(__file__).resolve().parent / "fonts"
# A fixed creation date makes a generated file byte-for-byte reproducible, so the loader can recognise it.
FIXED_CREATION_DATE = datetime.datetime(2010, 11, 1, tzinfo=datetime.UTC)
NOTE_FILL = (255, 243, 205)
NOTE_BORDER = (204, 136, 0)


@dataclass(frozen=True)
class AccessionFormValues:
    """What is written on each line of the accession declaration's form, in the form's order."""

    institution_name: str
    legal_form_and_sector: str
    address: str
    register_numbers: str
    representative: str
    contact: str
    place_and_date: str


class DeclarationDocument(FPDF):
    def __init__(self, title, full_name):
        super().__init__(format="A4")
        self.declaration_title = title
        self.full_name = full_name
        self.add_font("DejaVuSans", "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font("DejaVuSans", "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_title(title)
        self.set_author(full_name)
        self.set_creator(full_name)
        self.set_creation_date(FIXED_CREATION_DATE)
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)
        self.add_page()
        self._heading()

    def _heading(self):
        self.set_font("DejaVuSans", "", 10)
        self.multi_cell(0, 5, self.full_name, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(8)
        self.set_font("DejaVuSans", "B", 18)
        self.multi_cell(0, 9, self.declaration_title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(6)

    def paragraph(self, text, size=11, bold=False):
        self.set_font("DejaVuSans", "B" if bold else "", size)
        self.multi_cell(0, 6, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def note(self, heading, text):
        """A boxed, highlighted note that nobody can mistake for the declaration's own text."""
        self.set_draw_color(*NOTE_BORDER)
        self.set_fill_color(*NOTE_FILL)
        self.set_line_width(0.6)
        self.set_font("DejaVuSans", "B", 11)
        self.multi_cell(
            0, 7, heading, border="LTR", fill=True, padding=(3, 4, 0, 4), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_font("DejaVuSans", "", 10)
        self.multi_cell(
            0, 5.5, text, align="L", border="LBR", fill=True, padding=(1, 4, 3, 4), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_line_width(0.2)
        self.set_draw_color(0, 0, 0)
        self.ln(6)

    def field(self, label, value=""):
        """A labelled line: the value when known, otherwise a dotted line to write on by hand."""
        self.set_font("DejaVuSans", "B", 10)
        self.multi_cell(0, 5, label, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("DejaVuSans", "", 11)
        if value:
            self.multi_cell(0, 7, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            self.ln(7)
            self.dotted_line(self.l_margin, self.get_y(), self.w - self.r_margin)
        self.ln(4)

    def dotted_line(self, x1, y, x2):
        self.set_dash_pattern(dash=0.5, gap=1)
        self.line(x1, y, x2, y)
        self.set_dash_pattern()

    def signature_lines(self, left_label, right_label, left_value=""):
        self.ln(14)
        y = self.get_y()
        half = (self.w - self.l_margin - self.r_margin) / 2
        if left_value:
            self.set_font("DejaVuSans", "", 11)
            self.set_xy(self.l_margin, y - 7)
            self.cell(half - 10, 6, left_value)
        self.dotted_line(self.l_margin, y, self.l_margin + half - 10)
        self.dotted_line(self.l_margin + half + 10, y, self.w - self.r_margin)
        self.set_font("DejaVuSans", "", 8)
        self.set_xy(self.l_margin, y + 1)
        self.multi_cell(half - 10, 4, left_label, align="C")
        self.set_xy(self.l_margin + half + 10, y + 1)
        self.multi_cell(half - 10, 4, right_label, align="C")

    def accession_form(self, full_name, values=None):
        """The accession declaration's lines and signature: ``values`` written on them, or blank to fill in."""
        self.field(_("Full name of the institution"), values.institution_name if values else "")
        self.field(_("Legal form and sector"), values.legal_form_and_sector if values else "")
        self.field(_("Registered address"), values.address if values else "")
        self.field(_("NIP, REGON or KRS number"), values.register_numbers if values else "")
        self.field(_("Representative (name and role)"), values.representative if values else "")
        self.field(_("Contact person, e-mail, phone"), values.contact if values else "")
        self.ln(2)
        self.paragraph(
            _(
                "The institution named above declares that it joins the Partnership (%(partnership)s) and that it "
                "supports its Ideological Declaration."
            )
            % {"partnership": full_name},
        )
        self.signature_lines(
            _("Place and date"),
            _("Signature of the representative and stamp of the institution"),
            left_value=values.place_and_date if values else "",
        )

    def small_print(self, text):
        self.ln(14)
        self.set_font("DejaVuSans", "", 8)
        self.multi_cell(0, 4, text)

    def to_bytes(self):
        return bytes(self.output())


def declaration_pdf(title, full_name):
    """A declaration whose text the project does not have: its title, the partnership, and a note to editors."""
    pdf = DeclarationDocument(title, full_name)
    pdf.note(
        _("NOTE FOR EDITORS"),
        _(
            "This file was generated by the website because the signed text of the declaration is not in it yet. "
            "It is NOT the declaration's text. Replace it with the original: in the admin, go to Documents, "
            "open this document and upload the scan of the signed declaration."
        ),
    )
    pdf.paragraph(
        _("To receive the text of this declaration, please contact the secretary or the office of the Partnership.")
    )
    return pdf.to_bytes()


def accession_declaration_pdf(title, full_name):
    """The accession declaration as a form with blank lines, to fill in by hand."""
    pdf = DeclarationDocument(title, full_name)
    pdf.note(
        _("NOTE FOR EDITORS"),
        _(
            "This form was generated by the website. If the Partnership has its own signed template of the "
            "accession declaration, replace this file with it: in the admin, go to Documents, open this "
            "document and upload the original."
        ),
    )
    pdf.accession_form(full_name)
    return pdf.to_bytes()
