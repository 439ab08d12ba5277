"""Settings come from environment variables only and stop start-up loudly on bad values.

The parsers are tested on their own; the settings module is tested by starting the real
`commonweal` command in a fresh process, as an operator would.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from commonweal.env import (
    ConfigurationError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_secret,
    env_url,
)

ROOT = Path(__file__).resolve().parent.parent

# Parsers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1", True), ("true", True), (" Yes ", True), ("ON", True), ("0", False), ("off", False)],
)
def test_yes_no_values(monkeypatch, raw, value):
    monkeypatch.setenv("CW_FLAG", raw)
    assert env_bool("CW_FLAG") is value


def test_unset_values_take_the_default(monkeypatch):
    monkeypatch.delenv("CW_UNSET", raising=False)
    assert env_bool("CW_UNSET", True) is True
    assert env_int("CW_UNSET", 7) == 7
    assert env_list("CW_UNSET", ["a"]) == ["a"]
    assert env_choice("CW_UNSET", "INFO", {"INFO", "DEBUG"}) == "INFO"


@pytest.mark.parametrize(
    ("parse", "raw", "message"),
    [
        (lambda: env_bool("CW_BAD"), "maybe", "CW_BAD='maybe' is not a yes/no value"),
        (lambda: env_int("CW_BAD", 1), "ten", "CW_BAD='ten' is not a whole number"),
        (lambda: env_int("CW_BAD", 1, minimum=1), "0", "CW_BAD=0 must be at least 1"),
        (lambda: env_choice("CW_BAD", "A", {"A", "B"}), "C", "CW_BAD='C' is not one of: A, B"),
        (lambda: env_url("CW_BAD"), "example.org", "CW_BAD='example.org' must start with http"),
    ],
)
def test_bad_values_are_refused_naming_the_variable(monkeypatch, parse, raw, message):
    monkeypatch.setenv("CW_BAD", raw)
    with pytest.raises(ConfigurationError) as error:
        parse()
    assert message in str(error.value)


def test_a_site_address_loses_its_trailing_slash(monkeypatch):
    monkeypatch.setenv("CW_SITE", " https://commonweal.example/ ")
    assert env_url("CW_SITE") == "https://commonweal.example"


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("CW_HOSTS", " example.org, ,www.example.org ")
    assert env_list("CW_HOSTS", []) == ["example.org", "www.example.org"]


def test_a_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-the-file\n", encoding="utf-8")
    monkeypatch.setenv("CW_KEY", "from-the-variable")
    monkeypatch.setenv("CW_KEY_FILE", str(secret))
    assert env_secret("CW_KEY") == "from-the-file"
    monkeypatch.setenv("CW_KEY_FILE", str(tmp_path / "absent"))
    with pytest.raises(ConfigurationError, match=r"CW_KEY_FILE=.* cannot be read"):
        env_secret("CW_KEY")


# The settings module, through the command an operator runs ----------------------------


def commonweal(tmp_path: Path, *options: str, **variables: str) -> subprocess.CompletedProcess:
    """`commonweal diffsettings`: it reads the settings and sets Django up, and nothing more."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name
        not in {"DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="commonweal.settings",
        COMMONWEAL_VAR_DIR=str(tmp_path),
        **variables,
    )
    return subprocess.run(
        [sys.executable, "-m", "commonweal.cli", "diffsettings", *options],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a yes/no value"),
        ({"DEBUG": "0"}, "SECRET_KEY is required when DEBUG is off"),
        ({"DEBUG": "1", "DATABASE_URL": "nonsense://x"}, "DATABASE_URL is not a database address"),
        ({"DEBUG": "1", "API_PAGE_SIZE": "0"}, "API_PAGE_SIZE=0 must be at least 1"),
        ({"DEBUG": "1", "SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS='a year'"),
        ({"DEBUG": "1", "LOG_LEVEL": "chatty"}, "LOG_LEVEL='chatty' is not one of"),
        ({"SECRET_KEY_FILE": "/nonexistent/key"}, "SECRET_KEY_FILE='/nonexistent/key' cannot"),
    ],
)
def test_a_bad_setting_stops_the_command_with_its_name(tmp_path, variables, message):
    result = commonweal(tmp_path, **variables)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Configuration problem: "), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_good_settings_start(tmp_path):
    key = "a-long-random-value-for-this-test-only"
    result = commonweal(tmp_path, SECRET_KEY=key, ALLOWED_HOSTS="commonweal.example.org")
    assert result.returncode == 0, result.stderr
    assert f"SECRET_KEY = '{key}'" in result.stdout
    assert "ALLOWED_HOSTS = ['commonweal.example.org']" in result.stdout


def test_a_deployment_sends_email_and_development_prints_it(tmp_path):
    key = "a-long-random-value-for-this-test-only"
    deployed = commonweal(tmp_path, "--all", SECRET_KEY=key, EMAIL_HOST="mail.example.org")
    assert deployed.returncode == 0, deployed.stderr
    assert "EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'" in deployed.stdout
    assert "EMAIL_HOST = 'mail.example.org'" in deployed.stdout
    development = commonweal(tmp_path, "--all", DEBUG="1")
    assert "EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'" in development.stdout


def test_a_bad_mail_port_stops_the_command(tmp_path):
    result = commonweal(tmp_path, DEBUG="1", EMAIL_PORT="smtp")
    assert result.returncode == 2
    assert "EMAIL_PORT='smtp' is not a whole number" in result.stderr
