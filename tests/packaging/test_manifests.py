#!/usr/bin/env python3
"""The Kubernetes manifests and the example env files: every YAML file parses, has the keys Kubernetes requires
for its kind, and they fit together (the Job and the CronJob run the image with the ConfigMap and the Secret that
exist; the ConfigMap has every setting of the env files except the password; no secret is in a ConfigMap or an
env file's placeholder; resources are set, requests within limits).
"""

import os
import re
import unittest
from pathlib import Path

import yaml

SOURCE = Path(os.environ.get("FO_SOURCE_DIR", Path(__file__).resolve().parents[2]))
K8S = SOURCE / "packaging" / "k8s"
DOCKER = SOURCE / "packaging" / "docker"

# The platform's settings (docs/platform.md section 3).
PLATFORM_SETTINGS = {
    "DB_ENGINE", "DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME", "REDIS_HOST", "REDIS_PORT",
    "REDIS_FIND_OUTLIERS_JOB_IS_ACTIVE_NAMESPACE", "NOTIFICATIONS_API_BASE_URL", "AUTH_API_BASE_URL",
    "DATA_COLLECTION_API_BASE_URL",
}
SECRET_SETTINGS = {"DB_PASSWORD"}
PLACEHOLDER_PASSWORDS = {"change-me", "postgres"}

REQUIRED = {
    "ConfigMap": ["apiVersion", "kind", "metadata.name", "data"],
    "Secret": ["apiVersion", "kind", "metadata.name", "type", "stringData"],
    "Job": ["apiVersion", "kind", "metadata.name", "spec.backoffLimit", "spec.activeDeadlineSeconds",
            "spec.template.spec.restartPolicy", "spec.template.spec.containers"],
    "CronJob": ["apiVersion", "kind", "metadata.name", "spec.schedule", "spec.concurrencyPolicy",
                "spec.jobTemplate.spec.backoffLimit", "spec.jobTemplate.spec.activeDeadlineSeconds",
                "spec.jobTemplate.spec.template.spec.restartPolicy",
                "spec.jobTemplate.spec.template.spec.containers"],
}
API_VERSIONS = {"ConfigMap": "v1", "Secret": "v1", "Job": "batch/v1", "CronJob": "batch/v1"}
CONTAINER_KEYS = ["name", "image", "args", "envFrom", "env", "resources.requests.memory", "resources.requests.cpu",
                  "resources.limits.memory", "resources.limits.cpu"]
DNS_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")


def lookup(document, dotted):
    node = document
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(dotted)
        node = node[part]
    return node


def quantity(text):
    """A Kubernetes quantity (64Mi, 100m, 1) as a number, for comparisons."""
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "m": 1e-3, "": 1}
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(Ki|Mi|Gi|m|)", str(text))
    if not match:
        raise ValueError(f"not a quantity: {text!r}")
    return float(match.group(1)) * units[match.group(2)]


def read_env_file(path):
    """NAME=value lines, as both `docker run --env-file` and `find-outliers --env-file` read them."""
    values = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, sep, value = line.partition("=")
        if not sep or not re.fullmatch(r"[A-Z_][A-Z0-9_]*", name):
            raise ValueError(f"{path.name}:{number}: not a NAME=value line: {line!r}")
        # Docker takes the rest of the line literally: quotes and trailing comments would become part of the value.
        if value[:1] in "'\"" or re.search(r"\s#", value) or value != value.strip():
            raise ValueError(f"{path.name}:{number}: docker --env-file would read this value differently: {line!r}")
        if name in values:
            raise ValueError(f"{path.name}:{number}: {name} is set twice")
        values[name] = value
    return values


class Manifests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.documents = {}
        for path in sorted(K8S.glob("*.yaml")):
            docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
            cls.documents[path.name] = docs
        cls.by_kind = {}
        for docs in cls.documents.values():
            for doc in docs:
                cls.by_kind.setdefault(doc.get("kind"), []).append(doc)

    def test_the_expected_manifests_exist(self):
        self.assertEqual(
            set(self.documents),
            {"configmap.yaml", "secret.example.yaml", "job.yaml", "cronjob.yaml", "indexed-job.yaml",
             "cronjob-sharded.yaml"},
        )
        self.assertEqual({k: len(v) for k, v in self.by_kind.items()},
                         {"ConfigMap": 1, "Secret": 1, "Job": 2, "CronJob": 2})

    def test_required_keys(self):
        for name, docs in self.documents.items():
            for doc in docs:
                kind = doc.get("kind")
                self.assertIn(kind, REQUIRED, f"{name}: unexpected kind {kind!r}")
                self.assertEqual(doc.get("apiVersion"), API_VERSIONS[kind], name)
                for key in REQUIRED[kind]:
                    with self.subTest(file=name, key=key):
                        lookup(doc, key)
                self.assertTrue(DNS_LABEL.fullmatch(doc["metadata"]["name"]), name)

    def pod_specs(self):
        # The one-email Job and the one-pod CronJob; the sharded pair (indexed-job.yaml, cronjob-sharded.yaml) is
        # checked by test_sharded.py.
        job = self.documents["job.yaml"][0]
        cron = self.documents["cronjob.yaml"][0]
        return {"Job": (job["spec"], job["spec"]["template"]["spec"]),
                "CronJob": (cron["spec"]["jobTemplate"]["spec"], cron["spec"]["jobTemplate"]["spec"]["template"]["spec"])}

    def test_job_and_cronjob_run_the_image_like_the_old_job(self):
        configmap = self.by_kind["ConfigMap"][0]["metadata"]["name"]
        secret = self.by_kind["Secret"][0]["metadata"]["name"]
        for kind, (job_spec, pod) in self.pod_specs().items():
            with self.subTest(kind=kind):
                self.assertEqual(job_spec["backoffLimit"], 2, "two retries, as the old DAG")
                self.assertEqual(job_spec["activeDeadlineSeconds"], 3600, "a 60-minute limit, as the old DAG")
                self.assertEqual(pod["restartPolicy"], "Never")
                self.assertIs(pod["securityContext"]["runAsNonRoot"], True)
                (container,) = pod["containers"]
                for key in CONTAINER_KEYS:
                    lookup(container, key)
                self.assertEqual(container["image"], "find_outliers:latest")
                self.assertNotIn("command", container, "the image's entrypoint is find-outliers")
                self.assertEqual([e["configMapRef"]["name"] for e in container["envFrom"]], [configmap])
                env = {e["name"]: e for e in container["env"]}
                self.assertEqual(set(env), SECRET_SETTINGS, "only the secret comes by name; the rest from the ConfigMap")
                ref = env["DB_PASSWORD"]["valueFrom"]["secretKeyRef"]
                self.assertEqual((ref["name"], ref["key"]), (secret, "DB_PASSWORD"))
                resources = container["resources"]
                for resource in ("cpu", "memory"):
                    self.assertLessEqual(quantity(resources["requests"][resource]),
                                         quantity(resources["limits"][resource]), resource)
                # Measured peak RSS: 49 MiB for a million records (job.yaml); the limit must leave room for that.
                self.assertGreaterEqual(quantity(resources["limits"]["memory"]), 128 * 2**20)
                self.assertIs(container["securityContext"]["readOnlyRootFilesystem"], True)
                mounts = {m["mountPath"] for m in container["volumeMounts"]}
                self.assertIn("/home/find-outliers", mounts, "HOME must be writable")

    def test_job_runs_one_email_and_cronjob_every_user_hourly(self):
        job_container = self.pod_specs()["Job"][1]["containers"][0]
        self.assertEqual(job_container["args"][0], "--email")
        self.assertEqual(len(job_container["args"]), 2)
        cron = self.documents["cronjob.yaml"][0]["spec"]
        self.assertEqual(cron["schedule"], "0 * * * *")
        self.assertEqual(cron["concurrencyPolicy"], "Forbid")
        self.assertEqual(self.pod_specs()["CronJob"][1]["containers"][0]["args"][0], "--all-users")

    def test_the_two_resource_blocks_agree(self):
        specs = self.pod_specs()
        self.assertEqual(specs["Job"][1]["containers"][0]["resources"],
                         specs["CronJob"][1]["containers"][0]["resources"])

    def test_configmap_has_every_setting_but_the_secret(self):
        data = self.by_kind["ConfigMap"][0]["data"]
        self.assertEqual(set(data), PLATFORM_SETTINGS - SECRET_SETTINGS)
        for name, value in data.items():
            self.assertIsInstance(value, str, f"{name}: ConfigMap values must be strings (quote numbers)")
        self.assertEqual(data["DB_ENGINE"], "postgresql")

    def test_secret_example_holds_a_placeholder(self):
        secret = self.by_kind["Secret"][0]
        self.assertEqual(set(secret["stringData"]), SECRET_SETTINGS)
        self.assertEqual(secret["stringData"]["DB_PASSWORD"], "change-me")

    def test_env_files_use_the_same_names_and_hold_no_secret(self):
        dev = read_env_file(DOCKER / ".env.dev")
        prod = read_env_file(DOCKER / ".env.prod")
        self.assertEqual(set(dev), PLATFORM_SETTINGS)
        self.assertEqual(set(prod), PLATFORM_SETTINGS)
        self.assertIn(prod["DB_PASSWORD"], PLACEHOLDER_PASSWORDS)
        self.assertIn(dev["DB_PASSWORD"], PLACEHOLDER_PASSWORDS)
        # The ConfigMap is .env.prod less the password.
        configmap = self.by_kind["ConfigMap"][0]["data"]
        self.assertEqual({k: v for k, v in prod.items() if k not in SECRET_SETTINGS}, configmap)

    def test_deploy_script_applies_the_manifests(self):
        script = (K8S / "deploy.sh").read_text(encoding="utf-8")
        self.assertTrue(os.access(K8S / "deploy.sh", os.X_OK), "deploy.sh must be executable")
        self.assertIn("minikube image build", script)
        self.assertIn("packaging/docker/Dockerfile", script)
        for manifest in ("configmap.yaml", "cronjob.yaml", "job.yaml"):
            self.assertIn(manifest, script)


class EnvFileReader(unittest.TestCase):
    """The reader above must reject what docker would misread, or the env-file test above proves nothing."""

    def check(self, text):
        path = Path(os.environ.get("TMPDIR", "/tmp")) / f"fo-env-test-{os.getpid()}"
        path.write_text(text, encoding="utf-8")
        try:
            return read_env_file(path)
        finally:
            path.unlink()

    def test_reads_plain_lines(self):
        self.assertEqual(self.check("# c\n\nA=1\nB=x=y\n"), {"A": "1", "B": "x=y"})

    def test_rejects_what_docker_reads_differently(self):
        for bad in ('A="1"\n', "A=1 # comment\n", "A=1\tx #c\n", "A=1\nA=2\n", "not a line\n"):
            with self.subTest(text=bad), self.assertRaises(ValueError):
                self.check(bad)


if __name__ == "__main__":
    unittest.main(verbosity=2)
