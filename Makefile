# Rehearse: `make run` and `make test` do all the set-up on a fresh Debian machine.

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
SYSTEM_PACKAGES := libncurses-dev libcmark-dev libsqlite3-dev pkg-config tmux
# `make bench` also compares whole processes with the `cmark` program, timed by GNU time.
BENCH_PACKAGES := cmark time
PREFIX ?= /usr/local
BANK ?= edge-ai-engineer

.PHONY: all deps build run test bench install clean

all: build

# Installs the Debian packages in $(1) that are missing (as root, or through sudo).
define install_missing
	@missing=""; \
	for pkg in $(1); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; \
	  elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	  else echo "error: need root (or sudo) to install:$$missing" >&2; exit 1; fi; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install_missing,$(SYSTEM_PACKAGES))

build: deps
	$(SWIFT) build

run: build
	.build/debug/rehearse practice --bank $(BANK)

# Swift Testing only: the suite has no XCTest cases, and XCTest's "Executed 0 tests" misleads.
test: build
	$(SWIFT) test --disable-xctest

# Parse speed on a generated ~10 MB guide (libcmark alone against Rehearse's full load, in
# process; then `rehearse lint` against the `cmark` program, whole processes), then a
# keystroke's cost on the question screen and the bytes it sends to a terminal.
bench: deps
	$(call install_missing,$(BENCH_PACKAGES))
	$(SWIFT) build -c release --product rehearse-bench
	$(SWIFT) build -c release --product rehearse-screen-bench
	$(SWIFT) build -c release --product rehearse
	.build/release/rehearse-bench
	sh Benchmarks/scripts/lint-vs-cmark.sh .build/release/rehearse .build/release/rehearse-bench
	.build/release/rehearse-screen-bench

install: deps
	$(SWIFT) build -c release --product rehearse
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/rehearse/QuestionBanks $(DESTDIR)$(PREFIX)/share/doc/rehearse
	install -m 755 .build/release/rehearse $(DESTDIR)$(PREFIX)/bin/rehearse
	install -m 644 QuestionBanks/*.md $(DESTDIR)$(PREFIX)/share/rehearse/QuestionBanks/
	install -m 644 README.md docs/guide-format.md $(DESTDIR)$(PREFIX)/share/doc/rehearse/

clean:
	rm -rf .build
