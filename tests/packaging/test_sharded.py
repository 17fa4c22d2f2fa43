#!/usr/bin/env python3
"""Issue 14's packaging: the Indexed Job and the CronJob built on it (packaging/k8s/indexed-job.yaml,
cronjob-sharded.yaml), and the Airflow DAG that maps over N shards (packaging/airflow/find_outliers_sharded_dag.py).

The shards must fit together: N pods (completions = parallelism = the N of --shard auto/N), each with its index from
JOB_COMPLETION_INDEX; a failed shard is not run again as a whole; the pods run the image as the other manifests do.
The DAG runs against the Airflow stand-ins of test_airflow_dag.py.
"""

import importlib.util
import os
import sys
import unittest
from datetime import timedelta
from pathlib import Path
from unittest import mock

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_airflow_dag as standins  # noqa: E402  (the stand-ins for Airflow and the Kubernetes client)

SOURCE = Path(os.environ.get("FO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
K8S = SOURCE / "packaging" / "k8s"
SHARDED_DAG = SOURCE / "packaging" / "airflow" / "find_outliers_sharded_dag.py"


def load(name):
    return yaml.safe_load((K8S / name).read_text(encoding="utf-8"))


def shard_of_args(args):
    """The N of --shard auto/N or I/N in a container's arguments."""
    shard = args[args.index("--shard") + 1]
    index, count = shard.split("/")
    return index, int(count)


class ShardedManifests(unittest.TestCase):
    def setUp(self):
        job = load("indexed-job.yaml")
        cron = load("cronjob-sharded.yaml")
        self.specs = {"Job": job["spec"], "CronJob": cron["spec"]["jobTemplate"]["spec"]}
        self.cron = cron
        self.one_pod_job = load("job.yaml")

    def test_an_indexed_job_whose_n_agrees_everywhere(self):
        for kind, spec in self.specs.items():
            with self.subTest(kind=kind):
                self.assertEqual(spec["completionMode"], "Indexed")
                (container,) = spec["template"]["spec"]["containers"]
                args = container["args"]
                self.assertEqual(args[0], "--all-users")
                index, count = shard_of_args(args)
                self.assertEqual(index, "auto", "the shard comes from JOB_COMPLETION_INDEX")
                self.assertEqual(spec["completions"], count)
                self.assertEqual(spec["parallelism"], count)
                self.assertEqual(args[args.index("--log-format") + 1], "json")
                self.assertEqual(args[args.index("--jobs") + 1], "1")

    def test_a_failed_shard_is_not_run_again_but_a_disrupted_pod_is(self):
        for kind, spec in self.specs.items():
            with self.subTest(kind=kind):
                self.assertEqual(spec["template"]["spec"]["restartPolicy"], "Never")
                self.assertEqual(spec["activeDeadlineSeconds"], 3600)
                rules = spec["podFailurePolicy"]["rules"]
                exits = [r for r in rules if "onExitCodes" in r]
                self.assertEqual(len(exits), 1)
                self.assertEqual(exits[0]["action"], "FailIndex")
                self.assertEqual(exits[0]["onExitCodes"]["operator"], "In")
                self.assertEqual(sorted(exits[0]["onExitCodes"]["values"]), [1, 2])
                self.assertEqual(exits[0]["onExitCodes"]["containerName"], "find-outliers")
                disruptions = [r for r in rules if "onPodConditions" in r]
                self.assertEqual(disruptions[0]["action"], "Ignore")
                self.assertEqual(disruptions[0]["onPodConditions"][0]["type"], "DisruptionTarget")
                self.assertGreaterEqual(spec["backoffLimitPerIndex"], 1, "FailIndex needs backoffLimitPerIndex")

    def test_the_pods_are_those_of_the_one_email_job(self):
        reference = self.one_pod_job["spec"]["template"]["spec"]
        (ref_container,) = reference["containers"]
        for kind, spec in self.specs.items():
            with self.subTest(kind=kind):
                pod = spec["template"]["spec"]
                self.assertEqual(pod["securityContext"], reference["securityContext"])
                self.assertEqual(pod["volumes"], reference["volumes"])
                (container,) = pod["containers"]
                for key in ("name", "image", "imagePullPolicy", "envFrom", "env", "resources", "securityContext",
                            "volumeMounts"):
                    self.assertEqual(container[key], ref_container[key], key)
                self.assertNotIn("command", container)

    def test_the_cronjob_runs_hourly_one_at_a_time(self):
        spec = self.cron["spec"]
        self.assertEqual(spec["schedule"], "0 * * * *")
        self.assertEqual(spec["concurrencyPolicy"], "Forbid")

    def test_the_two_shard_specs_agree(self):
        job, cron = self.specs["Job"], self.specs["CronJob"]
        self.assertEqual({k: v for k, v in job.items() if k != "ttlSecondsAfterFinished"},
                         {k: v for k, v in cron.items() if k != "ttlSecondsAfterFinished"})


def load_sharded_dag(environ=None):
    standins.DagStandIn.created.clear()
    standins.PodOperatorStandIn.partials.clear()
    standins.PodOperatorStandIn.instances.clear()
    modules = {}
    standins.install_stand_ins(modules)
    spec = importlib.util.spec_from_file_location("find_outliers_sharded_dag", SHARDED_DAG)
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(sys.modules, modules), mock.patch.dict(os.environ, environ or {}):
        for name in ("FIND_OUTLIERS_IMAGE", "FIND_OUTLIERS_NAMESPACE", "FIND_OUTLIERS_SHARDS", "FIND_OUTLIERS_JOBS"):
            if not environ or name not in environ:
                os.environ.pop(name, None)
        spec.loader.exec_module(module)
    return module


class ShardedDag(unittest.TestCase):
    def setUp(self):
        self.module = load_sharded_dag()
        self.assertEqual(len(standins.DagStandIn.created), 1)
        self.dag = standins.DagStandIn.created[0].kwargs
        self.assertEqual(len(standins.PodOperatorStandIn.partials), 1)
        self.assertEqual(standins.PodOperatorStandIn.instances, [], "the pod task must be mapped")
        self.pod = standins.PodOperatorStandIn.partials[0]

    def test_hourly_with_n_as_a_parameter(self):
        self.assertEqual(self.dag["dag_id"], "find_outliers_hourly_sharded")
        self.assertIn(self.dag["schedule"], ("@hourly", "0 * * * *"))
        self.assertIs(self.dag["catchup"], False)
        self.assertEqual(self.dag["max_active_runs"], 1)
        self.assertEqual(self.dag["params"], {"shards": 4})

    def test_maps_over_the_shards_not_the_users(self):
        self.assertEqual(set(self.pod.expanded), {"arguments"})
        task = self.pod.expanded["arguments"].task
        self.assertEqual(task.function.__name__, "shard_arguments")
        arguments = task.function(params={"shards": 3})
        self.assertEqual(arguments, [
            ["--all-users", "--shard", "0/3", "--jobs", "1", "--log-format", "json"],
            ["--all-users", "--shard", "1/3", "--jobs", "1", "--log-format", "json"],
            ["--all-users", "--shard", "2/3", "--jobs", "1", "--log-format", "json"],
        ])
        self.assertEqual(len(task.function(params={})), 4, "the default N")
        self.assertEqual(len(task.function(params={"shards": "6"})), 6, "a parameter typed in the UI is text")
        for bad in (0, -1, 1025, 2.5, True, None):
            with self.subTest(shards=bad), self.assertRaises(ValueError):
                self.module.shards_to_arguments(bad)

    def test_a_shard_is_not_retried_as_a_whole(self):
        self.assertEqual(self.pod.kwargs["retries"], 0)
        self.assertEqual(self.dag["default_args"]["retries"], 0)
        self.assertEqual(self.pod.kwargs["execution_timeout"], timedelta(minutes=60))

    def test_the_pod_is_that_of_the_per_user_dag(self):
        standins_module = standins.load_dag()
        per_user = standins.PodOperatorStandIn.partials[0].kwargs
        mine = self.pod.kwargs
        self.assertEqual(mine["cmds"], ["find-outliers"])
        self.assertEqual(mine["image"], per_user["image"])
        self.assertEqual(mine["namespace"], per_user["namespace"])
        self.assertEqual(mine["env_from"][0].config_map_ref.name, per_user["env_from"][0].config_map_ref.name)
        self.assertEqual(mine["env_vars"][0].value_from.secret_key_ref.name,
                         per_user["env_vars"][0].value_from.secret_key_ref.name)
        self.assertEqual(mine["container_resources"].requests, per_user["container_resources"].requests)
        self.assertEqual(mine["container_resources"].limits, per_user["container_resources"].limits)
        self.assertIsNotNone(standins_module)

    def test_environment_overrides(self):
        load_sharded_dag({"FIND_OUTLIERS_SHARDS": "16", "FIND_OUTLIERS_JOBS": "2",
                          "FIND_OUTLIERS_IMAGE": "images.example.com/find_outliers:0.2.0"})
        dag = standins.DagStandIn.created[0].kwargs
        pod = standins.PodOperatorStandIn.partials[0]
        self.assertEqual(dag["params"], {"shards": 16})
        self.assertEqual(pod.kwargs["image"], "images.example.com/find_outliers:0.2.0")
        arguments = pod.expanded["arguments"].task.function(params=dag["params"])
        self.assertEqual(len(arguments), 16)
        self.assertEqual(arguments[15][:3], ["--all-users", "--shard", "15/16"])
        self.assertEqual(arguments[0][arguments[0].index("--jobs") + 1], "2")


if __name__ == "__main__":
    unittest.main(verbosity=2)
