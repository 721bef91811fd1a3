# teleop's container image: `docker build -t teleop:dev .`
#
# builder  Debian 12 with its Python 3.11 (the same interpreter as the runtime image). Installs the
#          build tools and the runtime dependencies from hash-pinned lock files (pip
#          --require-hashes; refresh them with hack/lock.sh), regenerates the protobuf stubs from
#          teleop/teleport/proto (the committed stubs are not in the build context, see
#          .dockerignore), builds the teleop wheel and installs it into /opt/venv.
# runtime  distroless Python 3 (no shell, no package manager) with /opt/venv copied in, running as
#          uid/gid 65532. Nothing is written to the root filesystem at run time (bytecode is
#          compiled at build time), so it runs with readOnlyRootFilesystem; mount an emptyDir at
#          /tmp for temporary files.
#
# The base images are referenced by tag; pin them by digest (name:tag@sha256:...) in release
# builds.
ARG BUILDER_IMAGE=debian:12-slim
ARG RUNTIME_IMAGE=gcr.io/distroless/python3-debian12:nonroot

FROM ${BUILDER_IMAGE} AS builder
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3.11 python3.11-venv ca-certificates \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INPUT=1
WORKDIR /src

# Build tools: grpcio-tools for the stubs, setuptools and wheel for the teleop wheel.
COPY requirements-build.lock ./
RUN /usr/bin/python3.11 -m venv /opt/build \
    && /opt/build/bin/pip install --require-hashes --no-deps -r requirements-build.lock

# Runtime dependencies, into a venv without pip (the image ships no installer).
COPY requirements.lock ./
RUN /usr/bin/python3.11 -m venv --without-pip /opt/venv \
    && /opt/build/bin/pip --python /opt/venv/bin/python install \
        --require-hashes --no-deps --only-binary=:all: -r requirements.lock

# teleop itself, with protobuf stubs generated here from the .proto sources.
COPY pyproject.toml README.md ./
COPY hack/gen_proto.py hack/gen_proto.py
COPY teleop/ teleop/
RUN /opt/build/bin/python hack/gen_proto.py \
    && /opt/build/bin/pip wheel --no-deps --no-build-isolation --wheel-dir /dist . \
    && /opt/build/bin/pip --python /opt/venv/bin/python install --no-deps --no-index /dist/teleop-*.whl \
    && /opt/venv/bin/python -m compileall -q /opt/venv/lib \
    && /opt/venv/bin/teleop version

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="teleop" \
      org.opencontainers.image.description="A Kubernetes operator for Teleport resources" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=builder /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:/usr/bin:/bin \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
# Fail the build, not the first pod, if the venv does not work on this interpreter.
RUN ["/opt/venv/bin/python", "-c", "import grpc, cryptography.x509, pydantic_core, yaml, teleop.teleport._proto, teleop.operator.main"]
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/opt/venv/bin/teleop", "run"]
