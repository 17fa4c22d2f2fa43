"""find-outliers every hour for every user of the platform, one Kubernetes pod per user.

This DAG replaces the old job's DAG, which ran the same image name with its command overridden by
``python3 run.py``. The new image's entrypoint is ``find-outliers``, and this DAG runs it as
``find-outliers --email <user>``. Pause and remove the old DAG before unpausing this one: both would run every
hour, and the old one fails on the new image.

Like the old DAG (docs/platform.md section 7): hourly; the users come from the auth API's ``get_all_users``; one mapped
task per user, one at a time; two retries and a 60-minute limit per user. SIGTERM (the execution timeout, a
cleared task) cancels a run cleanly: nothing of it is written and the Redis flag goes back to "false".

Needs Airflow 2.4 or later (dynamic task mapping, ``schedule``) and the ``cncf.kubernetes`` provider. The pods
take their settings from the ConfigMap ``find-outliers-config`` and the database password from the Secret
``find-outliers-db`` (packaging/k8s/), in the namespace below. Airflow maps at most ``[core] max_map_length``
tasks (1024 by default): raise it if the platform has more users.

Settings, read from the scheduler's and workers' environment:
    FIND_OUTLIERS_IMAGE       the image (default find_outliers:latest)
    FIND_OUTLIERS_NAMESPACE   the Kubernetes namespace of the pods and of the ConfigMap and Secret (default default)
    FIND_OUTLIERS_PARALLEL    how many users at a time (default 1, as the old DAG; runs for one email never
                              overlap whatever this is: the tool takes a per-email lock)
    AUTH_API_BASE_URL         the auth API's origin (default http://auth-api:8081)
"""

from __future__ import annotations

import json
import logging
import os
import re
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

from airflow import DAG
from airflow.decorators import task
from kubernetes.client import models as k8s

try:  # cncf.kubernetes provider 7.14 and later
    from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
except ImportError:  # earlier providers
    from airflow.providers.cncf.kubernetes.operators.kubernetes_pod import KubernetesPodOperator

log = logging.getLogger(__name__)

IMAGE = os.environ.get("FIND_OUTLIERS_IMAGE", "find_outliers:latest")
NAMESPACE = os.environ.get("FIND_OUTLIERS_NAMESPACE", "default")
PARALLEL = int(os.environ.get("FIND_OUTLIERS_PARALLEL", "1"))
AUTH_API_BASE_URL = os.environ.get("AUTH_API_BASE_URL", "http://auth-api:8081")
GET_ALL_USERS_PATH = "/auth-api/api/v1/internal/users/get_all_users"
GET_ALL_USERS_QUERY = {"test_users": "true", "real_users": "true"}

RETRIES = 2
RETRY_DELAY = timedelta(minutes=5)
EXECUTION_TIMEOUT = timedelta(minutes=60)

# The platform's email rule (docs/platform.md section 2). The tool checks it too and exits 2 without touching anything;
# checking here keeps a bad address from costing a pod and two retries.
EMAIL_PATTERN = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

# Memory, measured by packaging/measure-memory.sh (peak RSS) on find-outliers 0.1.0, Release build, PostgreSQL 15:
#   --version 26 MiB; --demo (3,180 + 540 records) 30 MiB; 100,000 raw records 32 MiB (under a second);
#   1,000,000 raw records 49 MiB (2 to 3 s): about 27 MiB plus 17 MiB per million records.
# Request 64 Mi (about 2 million records), limit 256 Mi (about 13 million). The same as packaging/k8s/job.yaml,
# whose comment has the details; tests/packaging checks that the two agree.
RESOURCES = k8s.V1ResourceRequirements(
    requests={"cpu": "100m", "memory": "64Mi"},
    limits={"cpu": "1", "memory": "256Mi"},
)


def users_to_arguments(users: list[dict]) -> list[list[str]]:
    """The pods' arguments, one ["--email", address] per valid, distinct email of get_all_users' answer, sorted."""
    if not isinstance(users, list):
        raise ValueError(f"get_all_users answered {type(users).__name__}, expected a list of users")
    emails = set()
    for user in users:
        email = user.get("email") if isinstance(user, dict) else None
        if isinstance(email, str) and EMAIL_PATTERN.fullmatch(email):
            emails.add(email)
        else:
            log.warning("Skipping a user without a valid email: %r", email)
    return [["--email", email] for email in sorted(emails)]


with DAG(
    dag_id="find_outliers_hourly",
    description="find-outliers --email <user> for every user, one Kubernetes pod each",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args={
        "owner": "find-outliers",
        "retries": RETRIES,
        "retry_delay": RETRY_DELAY,
        "execution_timeout": EXECUTION_TIMEOUT,
    },
    tags=["find-outliers", "kubernetes"],
) as dag:

    @task(retries=RETRIES, retry_delay=timedelta(minutes=1), execution_timeout=timedelta(minutes=5))
    def get_all_users() -> list[list[str]]:
        """Every user the platform knows (test and real), as the find-outliers pods' arguments."""
        url = (
            AUTH_API_BASE_URL.rstrip("/")
            + GET_ALL_USERS_PATH
            + "?"
            + urllib.parse.urlencode(GET_ALL_USERS_QUERY)
        )
        with urllib.request.urlopen(url, timeout=60) as response:
            users = json.load(response)
        arguments = users_to_arguments(users)
        log.info("get_all_users: %d users to run for", len(arguments))
        return arguments

    KubernetesPodOperator.partial(
        task_id="find_outliers",
        name="find-outliers",
        namespace=NAMESPACE,
        image=IMAGE,
        image_pull_policy="IfNotPresent",
        cmds=["find-outliers"],
        env_from=[k8s.V1EnvFromSource(config_map_ref=k8s.V1ConfigMapEnvSource(name="find-outliers-config"))],
        env_vars=[
            k8s.V1EnvVar(
                name="DB_PASSWORD",
                value_from=k8s.V1EnvVarSource(
                    secret_key_ref=k8s.V1SecretKeySelector(name="find-outliers-db", key="DB_PASSWORD")
                ),
            )
        ],
        container_resources=RESOURCES,
        security_context=k8s.V1PodSecurityContext(run_as_non_root=True, run_as_user=10001, run_as_group=10001),
        labels={"app.kubernetes.io/name": "find-outliers", "app.kubernetes.io/component": "airflow"},
        get_logs=True,
        startup_timeout_seconds=300,
        retries=RETRIES,
        retry_delay=RETRY_DELAY,
        execution_timeout=EXECUTION_TIMEOUT,
        max_active_tis_per_dag=PARALLEL,
    ).expand(arguments=get_all_users())
