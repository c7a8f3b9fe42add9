#!/usr/bin/env bash
# Writes Sources/rehearse/hot-code.order: the functions of the release binary that full-screen
# sessions run, as callgrind sees them. The release link puts them first in the binary, so the
# code a session runs lies together in a few megabytes instead of spread over 18 MB of
# code, of which the kernel would map up to 64 KB (or a 2 MB folio) around every page touched.
#
# `make hot-code-order` runs it. A list that has grown stale costs only memory: functions it
# does not name are placed after it, as without a list.
#
# The sessions: the home screen with the shipped guides and its help, a technical question with
# its follow-up, a behavioral one in STAR parts with its follow-up, self-review of both and the
# summary; then a second run's home, history and a transcript.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/rehearse
order=Sources/rehearse/hot-code.order
work=$(mktemp -d)
socket="rehearse-order-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# Valgrind 3.19 cannot read the toolchain's DWARF 5: profile a copy without it; the symbols stay.
objcopy --strip-debug "$binary" "$work/rehearse"
mkdir -p "$work/data"

# Runs the copy under callgrind in a 100x30 tmux window of a server of its own, writing the
# profile to $work/$1.
start() {
    local profile=$1
    shift
    socket="rehearse-order-$$-$profile"
    tmux -u -L "$socket" -f /dev/null new-session -d -x 100 -y 30 -s order \
        "env -i HOME=$work REHEARSE_HOME=$work/data REHEARSE_BANKS=$PWD/QuestionBanks LANG=C.UTF-8 TERM=xterm-256color PATH=/usr/bin:/bin \
         valgrind --tool=callgrind --callgrind-out-file=$work/$profile --compress-strings=no --demangle=no $work/rehearse $* 2>/dev/null; \
         echo EXIT=\$?; sleep 600"
}
keys() { tmux -L "$socket" send-keys -t order "$@"; }
# Waits for text on the screen (valgrind runs the program some 50 times slower).
shows() {
    for _ in $(seq 1200); do
        tmux -L "$socket" capture-pane -p -t order | grep -qF -- "$1" && return 0
        sleep 0.25
    done
    echo "hot-code-order: \"$1\" never showed; the screen:" >&2
    tmux -L "$socket" capture-pane -p -t order >&2
    exit 1
}
# Waits for the program to end (and callgrind to write its profile).
finish() {
    shows "EXIT="
    tmux -L "$socket" kill-server
}

fixture=$PWD/Tests/Fixtures/standard.md
start first.profile practice --questions 2 --category technical --category behavioral --seed 7 --think-time 0 --bank "$fixture"
shows "[ Start the interview ]"
keys "?"; shows "Esc closes"; keys Escape
keys Enter; shows "How this session runs"; keys Enter
shows "Your answer"
keys -l "Best effort with a shallow history for the camera topic."; shows "camera topic."
keys C-s; shows "Follow-up:"
keys -l "Compare both ends with ros2 topic info verbose."; shows "info verbose."
keys C-s; shows "Rubric: Space ticks what your answer made"
keys Space; keys Enter
shows "▸ Situation"; keys -l "Our vineyard trial stopped after ten minutes."; shows "ten minutes."; keys Tab
shows "▸ Task"; keys -l "I owned the navigation stack that day."; shows "that day."; keys Tab
shows "▸ Action"; keys -l "I pulled the logs and patched the lidar driver."; shows "lidar driver."; keys Tab
shows "▸ Result"; keys -l "The re-test passed within two days."; shows "two days."
keys C-s; shows "Follow-up:"; keys C-s
# A point ticked: Enter with nothing ticked asks first.
shows "Rubric: Space ticks what your answer made"; keys Space; keys Enter
shows "Session complete"; keys q
finish

start second.profile practice --bank "$fixture"
shows "[ Start the interview ]"
keys h; shows "Rehearse · History"
keys Enter; shows "Best effort with a shallow history"
keys q
finish

# The functions of the program itself (not of the libraries it loads), each once, in the order
# the profiles first name them; callgrind's suffix for a function seen in another context (a
# quote and a number) is dropped.
awk -v program="$work/rehearse" '
    function plain(name) { sub(/'\''[0-9]+$/, "", name); return name }
    /^ob=/ { object = substr($0, 4) }
    /^cob=/ { calledObject = substr($0, 5) }
    /^fn=/ { if (object == program) name[++count] = plain(substr($0, 4)) }
    /^cfn=/ { if ((calledObject != "" ? calledObject : object) == program) name[++count] = plain(substr($0, 5)); calledObject = "" }
    END { for (i = 1; i <= count; i++) if (!(name[i] in seen) && name[i] !~ /^0x/) { seen[name[i]] = 1; print name[i] } }
' "$work/first.profile" "$work/second.profile" > "$order"
echo "hot-code-order: $(wc -l < "$order") functions in $order"
