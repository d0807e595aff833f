"""Awareness's writes. Import from this package, not from the modules:

    from senim.awareness import services

    services.version_adopt(actor=user, version=v, decision_number="12", decision_date=day)
    services.acknowledge(actor=user, employee=me, version=v)

Other modules refer to a document version by its id (`DocumentVersion.pk`); the examination
module puts a draft under examination and back with `version_send_to_examination` and
`version_examination_done`.
"""

from senim.awareness.services.acknowledgements import (
    acknowledge,
    acknowledge_on_paper,
    ask_again,
    campaign_close,
    campaign_create,
    campaign_launch,
    campaign_remind,
    campaign_sync_new_hires,
    check_statements,
)
from senim.awareness.services.agreements import (
    agreement_record,
    hire_record_save,
    obligations_sync,
)
from senim.awareness.services.candidates import candidate_check_conclude, candidate_check_run, candidates_purge
from senim.awareness.services.documents import (
    document_create,
    document_repeal,
    document_revise,
    version_adopt,
    version_attach,
    version_examination_done,
    version_return,
    version_send_to_examination,
    version_submit,
    version_update,
)
from senim.awareness.services.outreach import (
    material_path,
    outreach_create,
    outreach_delete,
    outreach_material_attach,
    outreach_update,
)
from senim.awareness.services.outsiders import (
    Person,
    outsider_acknowledge,
    outsider_for_token,
    outsider_invite,
    outsider_on_paper,
    outsider_revoke,
    outsiders_import,
)

__all__ = [
    "Person",
    "acknowledge",
    "acknowledge_on_paper",
    "agreement_record",
    "ask_again",
    "campaign_close",
    "campaign_create",
    "campaign_launch",
    "campaign_remind",
    "campaign_sync_new_hires",
    "candidate_check_conclude",
    "candidate_check_run",
    "candidates_purge",
    "check_statements",
    "document_create",
    "document_repeal",
    "document_revise",
    "hire_record_save",
    "material_path",
    "obligations_sync",
    "outreach_create",
    "outreach_delete",
    "outreach_material_attach",
    "outreach_update",
    "outsider_acknowledge",
    "outsider_for_token",
    "outsider_invite",
    "outsider_on_paper",
    "outsider_revoke",
    "outsiders_import",
    "version_adopt",
    "version_attach",
    "version_examination_done",
    "version_return",
    "version_send_to_examination",
    "version_submit",
    "version_update",
]
