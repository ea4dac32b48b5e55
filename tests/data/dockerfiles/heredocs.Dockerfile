FROM debian:12-slim
RUN <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
RUN <<-"SCRIPT" bash
	echo "$HOME is not expanded by BuildKit here"
	SCRIPT
COPY <<conf <<'raw' /etc/app/
name=${APP_NAME:-demo}
conf
literal $NOT_EXPANDED
raw
RUN python3 - <<PY
print("hi")
PY
