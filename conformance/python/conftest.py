"""Starts the real Garden server (./garden serve) once for the session, the way a user would."""
import os
import pathlib
import subprocess
import tempfile
import time
import urllib.request

import google.auth.transport.requests
import openai
import pytest
from google.oauth2 import service_account

REPO = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_MODEL = "huggingfacetb/smollm2-135m-instruct"
PROJECT_ID = "garden-default"
LOCATION = "us-central1"
CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"


@pytest.fixture(scope="session")
def access_token(admin_key_file):
    """A token for Garden's bootstrap administrator, obtained by google-auth from its key file."""
    credentials = service_account.Credentials.from_service_account_file(admin_key_file, scopes=[CLOUD_PLATFORM])
    credentials.refresh(google.auth.transport.requests.Request())
    return credentials.token


def client_for(garden_url, token, version="v1", location=LOCATION):
    # The seeds: openai.OpenAI(base_url=f"https://{location}-aiplatform.googleapis.com/v1/projects/{project_id}/
    #                          locations/{location}/endpoints/openapi", api_key=credentials.token)
    return openai.OpenAI(
        base_url=f"{garden_url}/{version}/projects/{PROJECT_ID}/locations/{location}/endpoints/openapi",
        api_key=token,
        max_retries=0,
    )


@pytest.fixture(scope="session")
def client(garden_url, access_token):
    return client_for(garden_url, access_token)


@pytest.fixture(scope="session")
def garden_home():
    return tempfile.mkdtemp(prefix="garden-home-")


@pytest.fixture(scope="session")
def admin_key_file(garden_url, garden_home):
    """The key of the service account Garden creates on its first start, with roles/aiplatform.admin."""
    path = pathlib.Path(garden_home) / "credentials" / "garden-admin.json"
    assert path.exists(), "garden serve did not create its bootstrap key"
    return str(path)


@pytest.fixture(scope="session")
def garden_url(garden_home):
    home = garden_home
    port_file = pathlib.Path(home) / "port"
    env = dict(os.environ)
    env["GARDEN_HOME"] = home
    env.setdefault("GARDEN_CACHE", str(REPO / ".cache"))
    log = open(pathlib.Path(home) / "server.log", "w")
    server = subprocess.Popen(
        [str(REPO / "garden"), "serve", "--port", "0", "--port-file", str(port_file)],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 600
        url = None
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError("garden exited with %s; log:\n%s" % (server.returncode, _read(log.name)))
            if url is None and port_file.exists() and port_file.read_text().strip():
                url = "http://127.0.0.1:%s" % port_file.read_text().strip()
            if url is not None and _ready(url):
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("garden did not become ready; log:\n" + _read(log.name))
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _ready(url):
    try:
        with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
            return response.status == 200
    except Exception:
        return False


def _read(path):
    with open(path) as f:
        return f.read()[-20000:]
