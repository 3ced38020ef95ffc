# Build with the official Swift image, run on slim Debian with only the libraries the
# binary links. scripts/check-dockerfile.sh (run by CI) keeps the runtime list in step with
# what `ldd` reports for the release binary.
FROM swift:6.1-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq-dev libcurl4-openssl-dev libssl-dev \
        libxml2-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product daily-summary \
    && install -D .build/release/daily-summary /out/daily-summary

FROM debian:bookworm-slim
# Runtime packages: one per shared library the binary needs (see the check script).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpq5 \
        libcurl4 \
        libssl3 \
        libxml2 \
        libstdc++6 \
        libgcc-s1 \
        zlib1g \
        ca-certificates \
        tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home daily-summary
COPY --from=build /out/daily-summary /usr/local/bin/daily-summary
USER daily-summary
ENTRYPOINT ["/usr/local/bin/daily-summary"]
