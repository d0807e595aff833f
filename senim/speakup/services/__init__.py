"""Every change to a Speak Up case. Services check the actor's permission over the case (and that
the case is visible to them at all), encrypt what people wrote under the case's data key, and
record an audit event in the same transaction. Audit events name the case by its reference and
carry codes and dates only, never what anyone wrote.

Public submissions and reporter replies have no actor: they are audited as "system" and carry
nothing about the sender.
"""

from senim.speakup.services.common import TRANSITIONS, Submission
from senim.speakup.services.intake import (
    case_issue_receipt,
    case_register,
    case_submit,
    reporter_reply,
    rewrap_case_keys,
)
from senim.speakup.services.posters import poster_tag_create, poster_text_save, poster_visit_count
from senim.speakup.services.workflow import (
    case_acknowledge,
    case_answer,
    case_assign,
    case_close,
    case_record_file_download,
    case_record_view,
    case_set_status,
    conflict_declare,
    link_add,
    link_remove,
    message_send,
    note_add,
    reward_record,
    task_add,
    task_complete,
)

__all__ = [
    "TRANSITIONS",
    "Submission",
    "case_acknowledge",
    "case_answer",
    "case_assign",
    "case_close",
    "case_issue_receipt",
    "case_record_file_download",
    "case_record_view",
    "case_register",
    "case_set_status",
    "case_submit",
    "conflict_declare",
    "link_add",
    "link_remove",
    "message_send",
    "note_add",
    "poster_tag_create",
    "poster_text_save",
    "poster_visit_count",
    "reporter_reply",
    "reward_record",
    "rewrap_case_keys",
    "task_add",
    "task_complete",
]
