from .applications import ApplicationStatus, MembershipApplication
from .pages import AccessionPage, DocumentEntry, DocumentIndexPage

__all__ = ["AccessionPage", "ApplicationStatus", "DocumentEntry", "DocumentIndexPage", "MembershipApplication"]
