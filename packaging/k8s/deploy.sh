#!/usr/bin/env bash
# Builds the find-outliers image into minikube and applies the Kubernetes manifests, like the old job's deploy.sh:
#
#   packaging/k8s/deploy.sh [--namespace NS] [--cronjob] [--run-once EMAIL] [--no-build] [--print]
#
#   (no option)        build find_outliers:latest inside minikube (minikube image build) and apply the ConfigMap
#   --cronjob          also apply the hourly CronJob (cronjob.yaml); skip it when Airflow runs the job
#   --run-once EMAIL   also run job.yaml once for EMAIL (an earlier run of it is deleted first) and follow its log
#   --namespace NS     where to apply (default: kubectl's current namespace)
#   --no-build         use the image already in minikube
#   --print            print the commands instead of running them
#
# The database password goes into the Secret find-outliers-db. When DB_PASSWORD is set in this script's
# environment, the Secret is created or replaced from it (through stdin: never on a command line); otherwise an
# existing Secret is kept, and without one the script stops and says how to make it. Nothing secret is in the image.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
image=find_outliers:latest

usage() {
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

namespace=""
cronjob=0
run_once=""
build=1
print=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --namespace)
            namespace=${2:?--namespace needs a name}
            shift
            ;;
        --cronjob) cronjob=1 ;;
        --run-once)
            run_once=${2:?--run-once needs an email}
            shift
            ;;
        --no-build) build=0 ;;
        --print) print=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "deploy.sh: unknown option '$1' (see --help)" >&2
            exit 2
            ;;
    esac
    shift
done

# The platform's email rule (docs/platform.md section 2), checked here too because the email is put into the manifest.
if [[ -n "$run_once" ]] && ! [[ "$run_once" =~ ^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$ ]]; then
    echo "deploy.sh: \"$run_once\" is not a valid email address (expected name@domain.tld)" >&2
    exit 2
fi

run() {
    if [[ $print -eq 1 ]]; then
        printf '%q ' "$@"
        echo
    else
        "$@"
    fi
}

if [[ $print -eq 0 ]]; then
    for tool in minikube kubectl; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "deploy.sh: $tool is not installed; install it, start the cluster (minikube start) and run this again" >&2
            exit 1
        fi
    done
fi

kubectl_ns=(kubectl)
if [[ -n "$namespace" ]]; then
    kubectl_ns+=(--namespace "$namespace")
fi

if [[ $build -eq 1 ]]; then
    # The same Dockerfile and build context as `docker build -f packaging/docker/Dockerfile .` from the repository.
    run minikube image build --tag "$image" --file packaging/docker/Dockerfile "$repo"
fi

run "${kubectl_ns[@]}" apply -f "$here/configmap.yaml"

if [[ -n "${DB_PASSWORD:-}" ]]; then
    if [[ $print -eq 1 ]]; then
        echo "printf '%s' \"\$DB_PASSWORD\" | kubectl create secret generic find-outliers-db --from-file=DB_PASSWORD=/dev/stdin --dry-run=client -o yaml | kubectl apply -f -"
    else
        printf '%s' "$DB_PASSWORD" |
            "${kubectl_ns[@]}" create secret generic find-outliers-db --from-file=DB_PASSWORD=/dev/stdin \
                --dry-run=client -o yaml |
            "${kubectl_ns[@]}" apply -f -
    fi
elif [[ $print -eq 0 ]] && ! "${kubectl_ns[@]}" get secret find-outliers-db >/dev/null 2>&1; then
    echo "deploy.sh: there is no Secret find-outliers-db with the database password. Run again with DB_PASSWORD set:" >&2
    echo "deploy.sh:   read -rs DB_PASSWORD && export DB_PASSWORD && packaging/k8s/deploy.sh" >&2
    echo "deploy.sh: or apply a filled-in copy of packaging/k8s/secret.example.yaml" >&2
    exit 1
fi

if [[ $cronjob -eq 1 ]]; then
    run "${kubectl_ns[@]}" apply -f "$here/cronjob.yaml"
fi

if [[ -n "$run_once" ]]; then
    run "${kubectl_ns[@]}" delete job find-outliers-once --ignore-not-found
    # The email passed the check above, so it holds no character that sed or YAML would read specially.
    manifest=(sed "s/\"user@example.com\"/\"$run_once\"/" "$here/job.yaml")
    if [[ $print -eq 1 ]]; then
        printf '%q ' "${manifest[@]}"
        echo "| ${kubectl_ns[*]} apply -f -"
    else
        "${manifest[@]}" | "${kubectl_ns[@]}" apply -f -
    fi
    # The first attempt's output; a retry (backoffLimit) starts a new pod: see `kubectl logs job/find-outliers-once`.
    run "${kubectl_ns[@]}" logs --follow --pod-running-timeout=5m job/find-outliers-once
    run "${kubectl_ns[@]}" get job find-outliers-once
fi
