"""The applicant's accession declaration: the documents app's form, filled in from the application."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from documents.pdf import AccessionFormValues, DeclarationDocument


def filled_declaration_pdf(application, partnership_name):
    """The declaration filled in, to print and sign, in the active language."""
    numbers = [(_("NIP"), application.nip), (_("REGON"), application.regon), (_("KRS"), application.krs)]
    values = AccessionFormValues(
        institution_name=application.institution_name,
        legal_form_and_sector=f"{application.legal_form}, {application.get_sector_display()}",
        address=application.address,
        register_numbers=", ".join(f"{label} {value}" for label, value in numbers if value),
        representative=f"{application.representative_name}, {application.representative_role}",
        contact=f"{application.contact_name}, {application.email}, {application.phone}",
        place_and_date=(
            f"{application.city}, {formats.date_format(timezone.localdate(application.submitted_at), 'DATE_FORMAT')}"
        ),
    )
    pdf = DeclarationDocument(_("Accession Declaration"), partnership_name)
    pdf.accession_form(partnership_name, values)
    pdf.small_print(
        _("Filled in from the declaration submitted online, reference %(reference)s.")
        % {"reference": application.reference}
    )
    return pdf.to_bytes()


def filled_declaration_filename(application):
    return _("accession-declaration") + f"-{application.reference}.pdf"
