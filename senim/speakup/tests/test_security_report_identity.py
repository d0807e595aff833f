"""Threat: an anonymous reporter types their name or contacts into fields that stay on screen,
believing them sent (or, worse, they are kept).

The identity fields are shown only while "confidential" is chosen (a stylesheet rule on the
checked radio button, no JavaScript), and what an anonymous reporter typed there is dropped
before it is validated, echoed back or stored.
"""

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from senim.speakup import nonces
from senim.speakup.crypto import CaseCipher
from senim.speakup.forms import ReportForm
from senim.speakup.models import Case

pytestmark = pytest.mark.django_db


def test_identity_fields_are_marked_and_hidden_by_the_stylesheet_while_anonymous(group):
    page = Client().get(reverse("speakup:report")).content.decode()
    for name in ("name", "email", "phone", "other"):
        assert re.search(rf'<(input|textarea)[^>]*name="{name}"[^>]*data-identity', page), name
    css = open(finders.find("senim/css/senim.css"), encoding="utf-8").read()  # noqa: SIM115
    assert 'input[name="identity"][value="anonymous"]:checked' in css
    assert "[data-identity]" in css


def test_what_an_anonymous_reporter_typed_is_never_stored_nor_shown_back(group):
    data = {
        "category": "bribery",
        "what": "Cash for contracts.",
        "identity": "anonymous",
        "name": "Айгерим Жаксыбекова",
        "email": "not an address",  # a hidden field's error would block the report
        "phone": "+7 701 555 0101",
        "nonce": nonces.issue(),
    }
    response = Client().post(reverse("speakup:report"), data)
    assert response.status_code == 200
    assert "data-receipt" in response.content.decode()
    case = Case.objects.get()
    assert case.anonymous
    assert CaseCipher.unwrap(case.wrapped_key).open_json(case.reporter_sealed) == {}

    form = ReportForm(data={**data, "what": ""}, companies=[])
    assert not form.is_valid()
    assert "Айгерим" not in str(form)
    assert "email" not in form.errors
