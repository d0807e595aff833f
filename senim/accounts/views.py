"""Log-in, two-factor, profile, API tokens, and user administration pages."""

import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from senim.accounts import selectors, services, sso, totp
from senim.accounts.backends import UsernameOrEmailBackend
from senim.accounts.forms import (
    CodeForm,
    LoginCodeForm,
    LoginForm,
    PasswordConfirmForm,
    RoleAssignmentForm,
    TokenForm,
    UserEditForm,
    UserForm,
)
from senim.accounts.models import RoleAssignment, User
from senim.accounts.policy import MANAGE_USERS
from senim.accounts.requests import AuthedRequest
from senim.core import limits
from senim.core.access import PermissionDenied
from senim.core.clients import client_key
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, permission_required
from senim.org import selectors as org_selectors

PENDING_2FA = "senim_2fa_user"


def _too_many_attempts(request: HttpRequest) -> bool:
    """Count this attempt against the client's hourly budget; True once it is spent."""
    return limits.hit(client_key(request, "login"), 3600) > settings.SENIM_LOGIN_RATE_PER_HOUR


def _spend(key: str, limit: int) -> bool:
    """Count one use against an hourly budget; True while it is not spent."""
    return limits.hit(key, 3600) <= limit


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, rate-limited per client address and per e-mail address (so per
    account). Over either limit nothing is sent, and the page says what it always says, so the
    limit reveals nothing about which addresses exist."""

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"].strip().casefold()
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:reset:{email}".encode()).hexdigest()[:32]
        per_client = _spend(client_key(self.request, "password-reset"), settings.SENIM_RESET_RATE_PER_HOUR)
        per_account = _spend(f"rate:password-reset-account:{digest}", settings.SENIM_RESET_RATE_PER_ACCOUNT)
        if not (per_client and per_account):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request))
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _too_many_attempts(request):
            form.add_error(None, _("Too many log-in attempts from your address. Try again in an hour."))
        else:
            user = UsernameOrEmailBackend().authenticate(request, **form.cleaned_data)
            if user is None and not getattr(request, "senim_locked", False):
                user = sso.ldap_authenticate(request, form.cleaned_data["username"], form.cleaned_data["password"])
            if getattr(request, "senim_locked", False):
                form.add_error(None, _("The account is locked after repeated failures. Try again later."))
            elif user is None:
                form.add_error(None, _("The username or password is not correct."))
            elif user.totp_confirmed:
                request.session[PENDING_2FA] = [str(user.pk), timezone.now().timestamp()]
                return redirect(f"{reverse('accounts:login-verify')}?next={_safe_next(request)}")
            else:
                return _complete_login(request, user)
    context = {
        "form": form,
        "next": request.GET.get("next", ""),
        "oidc_enabled": settings.SENIM_OIDC_ENABLED,
        "oidc_provider": settings.SENIM_OIDC_PROVIDER_NAME,
    }
    return render(request, "accounts/login.html", context)


def _complete_login(request: HttpRequest, user: User) -> HttpResponse:
    user.backend = "senim.accounts.backends.UsernameOrEmailBackend"  # type: ignore[attr-defined]
    login(request, user)
    services.login_succeeded(user=user)
    if user.language:
        request.session["_language"] = user.language
    return redirect(_safe_next(request))


def login_verify(request: HttpRequest) -> HttpResponse:
    """Second step of log-in: the TOTP code, within five minutes of the password."""
    pending = request.session.get(PENDING_2FA)
    if not pending or timezone.now().timestamp() - pending[1] > 300:
        request.session.pop(PENDING_2FA, None)
        return redirect("accounts:login")
    user = User.objects.filter(pk=pending[0], is_active=True).first()
    if user is None:
        return redirect("accounts:login")
    form = LoginCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.is_locked(user):
            form.add_error(None, _("The account is locked after repeated failures. Try again later."))
        elif services.totp_verify(user=user, code=form.cleaned_data["code"]):
            request.session.pop(PENDING_2FA, None)
            return _complete_login(request, user)
        else:
            form.add_error("code", _("The code is not correct or has expired."))
    return render(request, "accounts/login_verify.html", {"form": form})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, also remembered on the signed-in user."""
    if request.user.is_authenticated:
        services.user_set_language(actor=request.user, language=request.POST.get("language", ""))
    return django_set_language(request)


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    user = request.user
    context = {
        "employee": org_selectors.employee_for_user(user_employee_id=user.employee_id),
        "assignments": selectors.assignment_list(user=user),
        "tokens": selectors.token_list(actor=user),
        "token_form": TokenForm(),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
@never_cache  # the page shows the secret once; no browser or proxy may keep it
def token_create(request: AuthedRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, secret = services.api_token_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return render(request, "accounts/token_created.html", {"token": token, "secret": secret})
    for field_errors in form.errors.values():
        # Iterating an ErrorList yields message strings; django-stubs types its items more widely.
        messages.error(request, " ".join(field_errors))  # type: ignore[arg-type]
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request: AuthedRequest, token_id: str) -> HttpResponse:
    token = get_object_or_404(selectors.token_list(actor=request.user), id=token_id)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")


@login_required
def two_factor_setup(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if user.totp_confirmed:
        context = {
            "form": PasswordConfirmForm(),
            "codes_form": PasswordConfirmForm(prefix="codes"),
            "codes_left": services.recovery_codes_left(user=user),
        }
        return render(request, "accounts/two_factor_on.html", context)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and user.totp_secret:
        if services.totp_confirm(actor=user, code=form.cleaned_data["code"]):
            messages.success(request, _("Two-factor authentication is on."))
            return _recovery_codes_page(request, services.recovery_codes_generate(actor=user))
        form.add_error("code", _("The code is not correct or has expired."))
    if request.method == "GET" or not user.totp_secret:
        services.totp_begin(actor=user)
    uri = totp.provisioning_uri(user.totp_secret, user.email or user.username)
    context = {"form": form, "qr": totp.qr_svg(uri), "secret": user.totp_secret, "required": user.needs_two_factor}
    return render(request, "accounts/two_factor_setup.html", context)


def _recovery_codes_page(request: AuthedRequest, codes: list[str]) -> HttpResponse:
    response = render(request, "accounts/recovery_codes.html", {"codes": codes})
    # The page shows the codes once; no browser or proxy may keep it.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def two_factor_recovery_codes(request: AuthedRequest) -> HttpResponse:
    """Replace the recovery codes (the password confirms it is the user at the keyboard)."""
    form = PasswordConfirmForm(request.POST, prefix="codes")
    if form.is_valid():
        try:
            codes = services.recovery_codes_generate(actor=request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return _recovery_codes_page(request, codes)
    return redirect("accounts:two-factor-setup")


@login_required
@require_POST
def two_factor_disable(request: AuthedRequest) -> HttpResponse:
    form = PasswordConfirmForm(request.POST)
    if form.is_valid():
        try:
            services.totp_disable(actor=request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:profile")


@permission_required(MANAGE_USERS)
def user_list(request: AuthedRequest) -> HttpResponse:
    users = selectors.user_list(actor=request.user, query=request.GET.get("q", ""))
    page = Paginator(users.prefetch_related("assignments"), 25).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page_obj": page})


@permission_required(MANAGE_USERS)
def user_create(request: AuthedRequest) -> HttpResponse:
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "password"}
        try:
            user = services.user_create(actor=request.user, password=form.cleaned_data["password"] or None, **data)
        except (ValidationError, PermissionDenied) as error:
            apply_errors(
                form, error if isinstance(error, ValidationError) else ValidationError(_("You may not create users."))
            )
        else:
            messages.success(request, _("The user was created."))
            return redirect("accounts:user-detail", user_id=user.pk)
    return render(request, "accounts/user_form.html", {"form": form})


@permission_required(MANAGE_USERS)
def user_detail(request: AuthedRequest, user_id: str) -> HttpResponse:
    subject = get_or_404(selectors.user_get, actor=request.user, user_id=user_id)
    form = RoleAssignmentForm(
        request.POST or None,
        companies=org_selectors.company_list(actor=request.user),
        units=org_selectors.unit_list(actor=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.role_assign(actor=request.user, user=subject, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied:
            form.add_error(None, _("You may not grant a role over that part of the group."))
        else:
            messages.success(request, _("The role was assigned."))
            return redirect("accounts:user-detail", user_id=subject.pk)
    context = {"subject": subject, "assignments": selectors.assignment_list(user=subject), "form": form}
    return render(request, "accounts/user_detail.html", context)


@permission_required(MANAGE_USERS)
@require_POST
def role_revoke(request: AuthedRequest, user_id: str, assignment_id: str) -> HttpResponse:
    subject = get_object_or_404(selectors.user_list(actor=request.user), id=user_id)
    assignment = get_object_or_404(RoleAssignment, id=assignment_id, user=subject)
    try:
        services.role_revoke(actor=request.user, assignment=assignment)
    except PermissionDenied:
        messages.error(request, _("You may not revoke a role over that part of the group."))
    else:
        messages.success(request, _("The role was revoked."))
    return redirect("accounts:user-detail", user_id=subject.pk)


@permission_required(MANAGE_USERS)
def user_edit(request: AuthedRequest, user_id: str) -> HttpResponse:
    subject = get_object_or_404(selectors.user_list(actor=request.user), id=user_id)
    form = UserEditForm(
        request.POST or None,
        instance=subject,
        companies=org_selectors.company_list(actor=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in {"employee_number", "employee_company"}}
        data["employee"] = None
        if form.cleaned_data["employee_number"]:
            data["employee"] = (
                org_selectors.employee_list(actor=request.user, company_id=form.cleaned_data["employee_company"].id)
                .filter(personnel_number=form.cleaned_data["employee_number"])
                .first()
            )
            if data["employee"] is None:
                form.add_error("employee_number", _("No employee with this number in that company."))
        if not form.errors:
            try:
                services.user_update(actor=request.user, user=subject, **data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The changes were saved."))
                return redirect("accounts:user-detail", user_id=subject.pk)
    return render(request, "accounts/user_edit.html", {"form": form, "subject": subject})


@permission_required(MANAGE_USERS)
@require_POST
def two_factor_reset(request: AuthedRequest, user_id: str) -> HttpResponse:
    subject = get_object_or_404(selectors.user_list(actor=request.user), id=user_id)
    try:
        services.totp_reset(actor=request.user, user=subject)
    except PermissionDenied:
        messages.error(request, _("Only group administrators may reset two-factor authentication."))
    else:
        messages.success(request, _("Two-factor authentication was reset; the user sets it up again at next log-in."))
    return redirect("accounts:user-detail", user_id=subject.pk)
