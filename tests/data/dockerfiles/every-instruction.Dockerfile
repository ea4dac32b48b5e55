# syntax=docker/dockerfile:1
# check=skip=BaseImageUntaggedOrLatest
ARG GO_VERSION=1.22
ARG TARGETOS
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY --link go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=bind,source=.,target=/src \
    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app
LABEL org.opencontainers.image.title="demo" \
      org.opencontainers.image.version=${GO_VERSION}
ENV CGO_ENABLED=0 APP_HOME=/srv/app

FROM alpine:3.19 AS runtime
RUN apk add --no-cache ca-certificates
COPY --from=build --chown=10001:10001 --chmod=0755 /out/app /usr/local/bin/app
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/data.tar.gz /opt/
EXPOSE 8080/tcp 9090/udp
VOLUME ["/data"]
USER 10001:10001
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD ["/usr/local/bin/app", "health"]
SHELL ["/bin/sh", "-c"]
ONBUILD COPY . /src
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["serve"]
