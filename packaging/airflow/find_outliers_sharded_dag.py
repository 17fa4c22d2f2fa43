"""find-outliers every hour for every user with records, split over N Kubernetes pods (shards).

The per-user DAG (find_outliers_dag.py) starts one pod per user: seconds of pod start-up per user, and Airflow maps
at most ``[core] max_map_length`` tasks (1024 by default). This DAG maps over N shards instead: task i runs
``find-outliers --all-users --shard i/N``, and the tool runs the users whose email hashes to i (FNV-1a 64 of the
email's UTF-8 bytes, modulo N), so the N pods run every user with records once, none twice, one database
connection each. Run this DAG or the per-user one, never both (pause and remove the other).

When to use which:
    per-user (find_outliers_dag.py)   a few hundred users: the users come from the auth API's get_all_users, so
                                      users with no records yet are notified too; each user is a task of its own
                                      in Airflow's grid, retried on its own.
    sharded (this DAG)                thousands of users and more: a pod runs 84 to 127 users/s of 1,000 records
                                      (README, Performance), so 100,000 users take 3 to 6 minutes on 4 pods, where
                                      the database starts to set the pace; the users are those with records (a
                                      user with none has nothing to analyse).

N is the DAG parameter ``shards`` (default FIND_OUTLIERS_SHARDS, 4): a manual run may set another. A shard is not
retried as a whole: the tool already runs an email again after a connection failure (--retry-for), a data error
would fail again, and running a shard again would run its completed users again (another iteration, two more
messages each); the next hour's run covers what failed. SIGTERM (the execution timeout, a cleared task) cancels
cleanly: the email under way stores nothing and its Redis flag goes back to "false".

Needs Airflow 2.4 or later with the ``cncf.kubernetes`` provider, and the ConfigMap ``find-outliers-config`` and
Secret ``find-outliers-db`` (packaging/k8s/) in the pods' namespace. Settings, from the Airflow workers'
environment: FIND_OUTLIERS_IMAGE, FIND_OUTLIERS_NAMESPACE (as the per-user DAG), FIND_OUTLIERS_SHARDS (N, default
4), FIND_OUTLIERS_JOBS (emails at a time in each pod, default 1).
"""

from __future__ import annotations

import logging
import os
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
SHARDS = int(os.environ.get("FIND_OUTLIERS_SHARDS", "4"))
JOBS = int(os.environ.get("FIND_OUTLIERS_JOBS", "1"))
MAX_SHARDS = 1024  # Airflow's default [core] max_map_length

EXECUTION_TIMEOUT = timedelta(minutes=60)

# As the per-user DAG and packaging/k8s/job.yaml (measured there): one pod runs one email at a time (--jobs 1), so
# its peak is that of its largest user. tests/packaging checks that they agree.
RESOURCES = k8s.V1ResourceRequirements(
    requests={"cpu": "100m", "memory": "64Mi"},
    limits={"cpu": "1", "memory": "256Mi"},
)


def shards_to_arguments(shards, jobs: int = 1) -> list[list[str]]:
    """The pods' arguments: one ["--all-users", "--shard", "i/N", ...] per shard i of N."""
    if isinstance(shards, bool) or not isinstance(shards, int) or not 1 <= shards <= MAX_SHARDS:
        raise ValueError(f"shards must be a whole number from 1 to {MAX_SHARDS}, not {shards!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= 64:
        raise ValueError(f"FIND_OUTLIERS_JOBS must be a whole number from 1 to 64, not {jobs!r}")
    return [
        ["--all-users", "--shard", f"{index}/{shards}", "--jobs", str(jobs), "--log-format", "json"]
        for index in range(shards)
    ]


with DAG(
    dag_id="find_outliers_hourly_sharded",
    description="find-outliers --all-users --shard i/N, one Kubernetes pod per shard",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    params={"shards": SHARDS},
    default_args={
        "owner": "find-outliers",
        "retries": 0,
        "execution_timeout": EXECUTION_TIMEOUT,
    },
    tags=["find-outliers", "kubernetes"],
) as dag:

    @task(execution_timeout=timedelta(minutes=5))
    def shard_arguments(params: dict | None = None) -> list[list[str]]:
        """The N shards' arguments; N from the run's parameter `shards`."""
        shards = (params or {}).get("shards", SHARDS)
        arguments = shards_to_arguments(int(shards) if isinstance(shards, str) else shards, JOBS)
        log.info("%d shards", len(arguments))
        return arguments

    KubernetesPodOperator.partial(
        task_id="find_outliers_shard",
        name="find-outliers-shard",
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
        labels={"app.kubernetes.io/name": "find-outliers", "app.kubernetes.io/component": "airflow-sharded"},
        get_logs=True,
        startup_timeout_seconds=300,
        retries=0,
        execution_timeout=EXECUTION_TIMEOUT,
    ).expand(arguments=shard_arguments())
