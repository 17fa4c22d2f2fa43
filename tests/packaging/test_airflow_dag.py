#!/usr/bin/env python3
"""The Airflow DAG's structure: hourly, one KubernetesPodOperator per user from get_all_users, running
`find-outliers --email <user>`, with retries and an execution timeout.

Airflow is not a Debian package, so the DAG file runs here against small stand-ins for the parts of Airflow and
the Kubernetes client it uses; they record what the DAG declares. The DAG's own code runs for real, including
its get_all_users task, whose HTTP request goes to a stand-in for urlopen.
"""

import importlib.util
import io
import json
import os
import sys
import types
import unittest
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path
from unittest import mock

import yaml

SOURCE = Path(os.environ.get("FO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
DAG_FILE = SOURCE / "packaging" / "airflow" / "find_outliers_dag.py"
JOB_FILE = SOURCE / "packaging" / "k8s" / "job.yaml"


class Recorder:
    """Any Kubernetes model: keeps its keyword arguments."""

    def __init__(self, **kwargs):
        self.kwargs = kwargs

    def __getattr__(self, name):
        try:
            return self.__dict__["kwargs"][name]
        except KeyError:
            raise AttributeError(name) from None


class XComArg:
    def __init__(self, task):
        self.task = task


class TaskStandIn:
    def __init__(self, function, options):
        self.function = function
        self.options = options
        self.calls = []

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return XComArg(self)


class DagStandIn:
    created = []

    def __init__(self, **kwargs):
        self.kwargs = kwargs
        DagStandIn.created.append(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Partial:
    def __init__(self, operator, kwargs):
        self.operator = operator
        self.kwargs = kwargs
        self.expanded = None

    def expand(self, **kwargs):
        self.expanded = kwargs
        return self


class PodOperatorStandIn:
    partials = []
    instances = []

    def __init__(self, **kwargs):
        PodOperatorStandIn.instances.append(kwargs)

    @classmethod
    def partial(cls, **kwargs):
        result = Partial(cls, kwargs)
        cls.partials.append(result)
        return result


def task_decorator(function=None, **options):
    if function is not None:
        return TaskStandIn(function, {})
    return lambda f: TaskStandIn(f, options)


def install_stand_ins(modules):
    def module(name, **attrs):
        m = types.ModuleType(name)
        m.__dict__.update(attrs)
        modules[name] = m
        return m

    module("airflow", DAG=DagStandIn)
    module("airflow.decorators", task=task_decorator)
    module("airflow.providers")
    module("airflow.providers.cncf")
    module("airflow.providers.cncf.kubernetes")
    module("airflow.providers.cncf.kubernetes.operators")
    module("airflow.providers.cncf.kubernetes.operators.pod", KubernetesPodOperator=PodOperatorStandIn)
    models = module("kubernetes.client.models")
    models.__getattr__ = lambda name: type(name, (Recorder,), {})
    module("kubernetes")
    module("kubernetes.client", models=models)


def load_dag(environ=None):
    DagStandIn.created.clear()
    PodOperatorStandIn.partials.clear()
    PodOperatorStandIn.instances.clear()
    modules = {}
    install_stand_ins(modules)
    spec = importlib.util.spec_from_file_location("find_outliers_dag", DAG_FILE)
    dag_module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(sys.modules, modules), mock.patch.dict(os.environ, environ or {}):
        for name in ("FIND_OUTLIERS_IMAGE", "FIND_OUTLIERS_NAMESPACE", "FIND_OUTLIERS_PARALLEL", "AUTH_API_BASE_URL"):
            if not environ or name not in environ:
                os.environ.pop(name, None)
        spec.loader.exec_module(dag_module)
    return dag_module


class AirflowDag(unittest.TestCase):
    def setUp(self):
        self.module = load_dag()
        self.assertEqual(len(DagStandIn.created), 1, "the file must declare exactly one DAG")
        self.dag = DagStandIn.created[0].kwargs
        self.assertEqual(len(PodOperatorStandIn.partials), 1, "expected one mapped KubernetesPodOperator")
        self.assertEqual(PodOperatorStandIn.instances, [], "the pod task must be mapped, not a single pod")
        self.pod = PodOperatorStandIn.partials[0]

    def test_runs_hourly_without_catch_up(self):
        self.assertIn(self.dag.get("schedule"), ("@hourly", "0 * * * *"))
        self.assertIs(self.dag.get("catchup"), False)
        self.assertEqual(self.dag.get("max_active_runs"), 1)
        self.assertIsNotNone(self.dag.get("start_date").tzinfo, "start_date must be timezone-aware")

    def test_a_new_dag_id(self):
        # The old DAG ran `python3 run.py`; this one must not share its id by accident.
        self.assertEqual(self.dag["dag_id"], "find_outliers_hourly")

    def test_pod_runs_find_outliers_from_the_new_image(self):
        kwargs = self.pod.kwargs
        self.assertEqual(kwargs["cmds"], ["find-outliers"])
        self.assertNotIn("arguments", kwargs, "arguments come from the mapping, one user per task")
        self.assertEqual(kwargs["image"], "find_outliers:latest")
        self.assertEqual(kwargs["image_pull_policy"], "IfNotPresent")

    def test_retries_and_timeout_like_the_old_dag(self):
        kwargs = self.pod.kwargs
        self.assertEqual(kwargs["retries"], 2)
        self.assertEqual(kwargs["execution_timeout"], timedelta(minutes=60))
        self.assertGreater(kwargs["retry_delay"], timedelta(0))
        self.assertEqual(self.dag["default_args"]["retries"], 2)
        self.assertEqual(self.dag["default_args"]["execution_timeout"], timedelta(minutes=60))
        # One user at a time unless the operator says otherwise.
        self.assertEqual(kwargs["max_active_tis_per_dag"], 1)

    def test_one_task_per_user_from_get_all_users(self):
        self.assertEqual(set(self.pod.expanded), {"arguments"}, "expand() must map over the arguments only")
        source = self.pod.expanded["arguments"]
        self.assertIsInstance(source, XComArg)
        self.assertEqual(source.task.function.__name__, "get_all_users")
        self.assertEqual(source.task.calls, [((), {})])
        self.assertLessEqual(source.task.options.get("execution_timeout"), timedelta(minutes=10))

    def test_get_all_users_asks_the_auth_api_and_builds_the_arguments(self):
        answer = [
            {"google_sub": "1", "email": "b@example.com", "name": "B", "picture": ""},
            {"google_sub": "2", "email": "a@example.com", "name": "A", "picture": "", "test_user": True},
            {"google_sub": "3", "email": "a@example.com", "name": "A again"},
            {"google_sub": "4", "email": "not an email"},
            {"google_sub": "5", "email": None},
            {"google_sub": "6", "email": "c@example.com\n"},
        ]
        requests = []

        def fake_urlopen(url, timeout=None):
            requests.append((url, timeout))
            return io.BytesIO(json.dumps(answer).encode())

        module = load_dag({"AUTH_API_BASE_URL": "http://auth.test:9000/"})
        task = PodOperatorStandIn.partials[0].expanded["arguments"].task
        with mock.patch.object(urllib.request, "urlopen", fake_urlopen):
            arguments = task.function()
        self.assertEqual(arguments, [["--email", "a@example.com"], ["--email", "b@example.com"]])
        self.assertEqual(len(requests), 1)
        url = urllib.parse.urlsplit(requests[0][0])
        self.assertEqual((url.scheme, url.netloc), ("http", "auth.test:9000"))
        self.assertEqual(url.path, "/auth-api/api/v1/internal/users/get_all_users")
        self.assertEqual(urllib.parse.parse_qs(url.query), {"test_users": ["true"], "real_users": ["true"]})
        self.assertIsNotNone(requests[0][1], "the request needs a timeout")
        self.assertTrue(module.EMAIL_PATTERN.fullmatch("user@example.com"))

    def test_rejects_an_answer_that_is_not_a_list(self):
        with self.assertRaises(ValueError):
            self.module.users_to_arguments({"detail": "Not authenticated"})

    def test_settings_from_the_configmap_and_the_secret(self):
        kwargs = self.pod.kwargs
        (env_from,) = kwargs["env_from"]
        self.assertEqual(env_from.config_map_ref.name, "find-outliers-config")
        (password,) = kwargs["env_vars"]
        self.assertEqual(password.name, "DB_PASSWORD")
        ref = password.value_from.secret_key_ref
        self.assertEqual((ref.name, ref.key), ("find-outliers-db", "DB_PASSWORD"))

    def test_resources_match_the_kubernetes_job(self):
        job = yaml.safe_load(JOB_FILE.read_text(encoding="utf-8"))
        container = job["spec"]["template"]["spec"]["containers"][0]
        resources = self.pod.kwargs["container_resources"]
        self.assertEqual(resources.requests, container["resources"]["requests"])
        self.assertEqual(resources.limits, container["resources"]["limits"])

    def test_environment_overrides(self):
        load_dag({"FIND_OUTLIERS_IMAGE": "images.example.com/find_outliers:0.2.0", "FIND_OUTLIERS_PARALLEL": "4",
                  "FIND_OUTLIERS_NAMESPACE": "health"})
        kwargs = PodOperatorStandIn.partials[0].kwargs
        self.assertEqual(kwargs["image"], "images.example.com/find_outliers:0.2.0")
        self.assertEqual(kwargs["max_active_tis_per_dag"], 4)
        self.assertEqual(kwargs["namespace"], "health")


if __name__ == "__main__":
    unittest.main(verbosity=2)
