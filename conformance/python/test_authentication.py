"""Google's authentication flows for the OpenAI client, with the real `google-auth` and `openai` packages.

Google documents three ways to call Vertex AI's OpenAI-compatible endpoint from Python (its samples
`chat_completions_authentication.py` and `chat_completions_credentials_refresher.py`, and the environment-variable
setup on the "Authenticate" page); each test below performs one of them against Garden, changing only the base URL
and pointing GOOGLE_APPLICATION_CREDENTIALS at a Garden-issued key file.
"""
import datetime
import json
import os
import pathlib
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import google.auth
import google.auth.exceptions
import google.auth.transport.requests
import openai
import pytest

from conftest import DEFAULT_MODEL, REPO

PROJECT_ID = "garden-default"
LOCATION = "us-central1"
SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]
QUESTION = [{"role": "user", "content": "Why is the sky blue?"}]


def base_url(garden_url, project=PROJECT_ID, version="v1", endpoint="openapi"):
    # Google's: f"https://{location}-aiplatform.googleapis.com/{version}/projects/{project_id}/locations/..."
    return f"{garden_url}/{version}/projects/{project}/locations/{LOCATION}/endpoints/{endpoint}"


@pytest.fixture
def application_default_credentials(admin_key_file, monkeypatch):
    """GOOGLE_APPLICATION_CREDENTIALS pointing at Garden's bootstrap key, as google.auth.default() reads it."""
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", admin_key_file)
    return admin_key_file


def test_client_setup_with_a_programmatic_token(garden_url, application_default_credentials):
    # Google's "client setup": default credentials with the cloud-platform scope, refreshed once, the token as key.
    credentials, _ = google.auth.default(scopes=SCOPES)
    credentials.refresh(google.auth.transport.requests.Request())
    client = openai.OpenAI(base_url=base_url(garden_url), api_key=credentials.token)

    response = client.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=16)

    assert response.choices[0].message.content
    assert credentials.expiry > datetime.datetime.utcnow() + datetime.timedelta(minutes=55)


class CredentialsRefreshingClient:
    """The refresher of Google's sample: an OpenAI client whose key is a Google access token, renewed before use
    whenever the credentials are no longer valid."""

    def __init__(self, **kwargs: Any) -> None:
        self.client = openai.OpenAI(**kwargs, api_key="PLACEHOLDER")
        self.creds, self.project = google.auth.default(scopes=SCOPES)

    def __getattr__(self, name: str) -> Any:
        if not self.creds.valid:
            self.creds.refresh(google.auth.transport.requests.Request())
            if not self.creds.valid:
                raise RuntimeError("Unable to refresh auth")
            self.client.api_key = self.creds.token
        return getattr(self.client, name)


def test_refresher_class_renews_the_token_when_it_expires(garden_url, application_default_credentials):
    client = CredentialsRefreshingClient(base_url=base_url(garden_url, version="v1beta1"))
    first = client.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=8)
    first_token = client.creds.token
    assert first.choices[0].message.content is not None

    # The hour passes: the token's expiry moves behind google-auth's clock (which also dates the next assertion,
    # so the clock itself must stay true; the server's side of expiry is tested with an injected clock in Java).
    client.creds.expiry = datetime.datetime.utcnow() - datetime.timedelta(seconds=1)
    assert not client.creds.valid

    second = client.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=8)

    assert second.choices[0].message.content is not None
    assert client.creds.token != first_token
    assert client.creds.valid


def test_environment_variables_with_a_printed_access_token(garden_url, garden_home, application_default_credentials):
    # Google's environment setup: OPENAI_API_KEY="$(gcloud auth application-default print-access-token)".
    env = dict(os.environ, GARDEN_HOME=garden_home)
    token = subprocess.run([str(REPO / "garden"), "auth", "application-default", "print-access-token"],
                           env=env, check=True, capture_output=True, text=True).stdout.strip()
    client = openai.OpenAI(api_key=token, base_url=base_url(garden_url, version="v1beta1"))

    response = client.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=8)

    assert response.choices[0].message.content is not None


def test_no_credentials_is_401_with_googles_reason(garden_url):
    request = urllib.request.Request(base_url(garden_url) + "/chat/completions", method="POST",
                                     data=json.dumps({"model": DEFAULT_MODEL, "messages": QUESTION}).encode(),
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request)
    assert raised.value.code == 401
    assert raised.value.headers["WWW-Authenticate"].startswith("Bearer")
    error = json.loads(raised.value.read())["error"]
    assert error["status"] == "UNAUTHENTICATED"
    assert error["details"][0]["reason"] == "CREDENTIALS_MISSING"


def test_forged_token_is_refused(garden_url, application_default_credentials):
    credentials, _ = google.auth.default(scopes=SCOPES)
    credentials.refresh(google.auth.transport.requests.Request())
    forged = credentials.token[:-4] + ("AAAA" if not credentials.token.endswith("AAAA") else "BBBB")
    client = openai.OpenAI(base_url=base_url(garden_url), api_key=forged, max_retries=0)

    with pytest.raises(openai.AuthenticationError) as raised:
        client.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION)
    assert raised.value.status_code == 401


def test_revoked_token_stops_working(garden_url, application_default_credentials):
    credentials, _ = google.auth.default(scopes=SCOPES)
    credentials.refresh(google.auth.transport.requests.Request())
    client = openai.OpenAI(base_url=base_url(garden_url), api_key=credentials.token, max_retries=0)
    client.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=4)

    # Google's revocation endpoint: POST https://oauth2.googleapis.com/revoke?token=...
    revoke = urllib.request.Request(garden_url + "/revoke?" + urllib.parse.urlencode({"token": credentials.token}),
                                    method="POST", data=b"",
                                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert urllib.request.urlopen(revoke).status == 200

    with pytest.raises(openai.AuthenticationError):
        client.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=4)


def test_another_projects_endpoint_is_permission_denied(garden_url, garden_home, tmp_path, monkeypatch):
    # A service account of its own project, with a role there and none on garden-default.
    env = dict(os.environ, GARDEN_HOME=garden_home)
    key_file = tmp_path / "other-key.json"

    def garden(*args):
        subprocess.run([str(REPO / "garden"), *args], env=env, check=True, capture_output=True, text=True)

    garden("projects", "create", "other-project")
    garden("iam", "service-accounts", "create", "other-caller", "--project=other-project")
    email = "other-caller@other-project.iam.gserviceaccount.com"
    garden("projects", "add-iam-policy-binding", "other-project", f"--member=serviceAccount:{email}",
           "--role=roles/aiplatform.user")
    garden("iam", "service-accounts", "keys", "create", str(key_file), f"--iam-account={email}")
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    credentials, project = google.auth.default(scopes=SCOPES)
    assert project == "other-project"
    # The CLI wrote to the store; the server's view follows it within about a second (as new keys take a moment
    # to work at Google too). Retry the exchange until then, boundedly.
    deadline = time.monotonic() + 15
    while True:
        try:
            credentials.refresh(google.auth.transport.requests.Request())
            break
        except google.auth.exceptions.RefreshError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

    own = openai.OpenAI(base_url=base_url(garden_url, project="other-project"), api_key=credentials.token)
    assert own.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=4).choices

    foreign = openai.OpenAI(base_url=base_url(garden_url), api_key=credentials.token, max_retries=0)
    with pytest.raises(openai.PermissionDeniedError) as raised:
        foreign.chat.completions.create(model=DEFAULT_MODEL, messages=QUESTION, max_tokens=4)
    assert "aiplatform.endpoints.predict" in str(raised.value)
