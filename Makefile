# teleop developer commands. Every target installs what it needs into .venv first, so a fresh
# machine with Python 3.11, pip and gcc can run any of them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
ARGS ?=

.PHONY: install run test lint typecheck importlint unit bench e2e crds proto lock image clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade --quiet pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install teleop with its development tools

run: $(STAMP) ## run teleop on its embedded default (fakekube + faketeleport), or ARGS
	$(BIN)/teleop run --demo $(ARGS)

lint: $(STAMP) ## ruff
	$(BIN)/ruff check teleop tests bench e2e hack examples
	$(BIN)/ruff format --check teleop tests bench e2e hack examples

typecheck: $(STAMP) ## mypy --strict on our code (generated protobuf excluded)
	$(BIN)/mypy

importlint: $(STAMP) ## import-linter layer contracts
	$(BIN)/lint-imports

unit: $(STAMP) ## the pytest suites: tests/ and the e2e/ suite in local mode (fakekube, local replicas)
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider tests e2e $(PYTEST_ARGS)

test: lint typecheck importlint unit ## everything CI runs

bench: $(STAMP) ## benchmarks; prints a table (ARGS="--json out.json" to save, ARGS="--only cold --n 1000")
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench $(ARGS)

e2e: ## kind cluster end to end (needs docker and kind)
	@command -v docker >/dev/null && docker info >/dev/null 2>&1 || { echo "make e2e needs a running Docker engine: install Docker (https://docs.docker.com/engine/install/) and kind (https://kind.sigs.k8s.io/)"; exit 2; }
	@command -v kind >/dev/null || { echo "make e2e needs kind: go install sigs.k8s.io/kind@latest, or see https://kind.sigs.k8s.io/"; exit 2; }
	hack/e2e.sh

crds: $(STAMP) ## regenerate manifests/crds from the schema source
	$(BIN)/teleop crds --output manifests/crds

proto: $(STAMP) ## regenerate the protobuf stubs in teleop/teleport/_proto
	$(BIN)/python hack/gen_proto.py

lock: ## regenerate the hash-pinned lock files the image installs from
	hack/lock.sh

image: ## build the container image (needs a Docker engine)
	docker build -t teleop:$(shell $(PYTHON) -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])') .

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
