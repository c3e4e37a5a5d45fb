#!/usr/bin/env bash
# Times `podcue align` against `ffmpeg -threads 1 -i EPISODE -f null -` (a single-threaded
# decode by the fastest common decoder) on a 60-minute episode built from the bundled sample,
# as MP3 and as AAC/M4A, plus a 4-hour MP3 for the linearity check.
#
# Runs alternate podcue / ffmpeg in the same loop so machine noise hits both alike; prints the
# median wall and CPU (user+sys) time of each, the ratio podcue/ffmpeg, and podcue's peak
# resident memory (from /usr/bin/time -v).
#
# Usage: benches/compare.sh [EPISODE.mp3 TRANSCRIPT.txt]
#   RUNS=N        runs of each tool per episode (default 5)
#   PODCUE=path   binary to time (default: cargo build --release, then target/release/podcue)
#   LONG=0        skip the 4-hour episode
#   M4A=0         skip the M4A episode
# Episodes are built once and reused under target/bench-episodes/.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
LONG=${LONG:-1}
M4A=${M4A:-1}
TARGET=${CARGO_TARGET_DIR:-target}
DIR=target/bench-episodes
mkdir -p "$DIR"

for tool in ffmpeg /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "need $tool (apt-get install -y ffmpeg time)" >&2; exit 1; }
done

if [[ -z "${PODCUE:-}" ]]; then
    cargo build --release --quiet --bin podcue
    PODCUE="$TARGET/release/podcue"
fi

SAMPLE=audio/sample-episode.mp3
SAMPLE_TXT=transcripts/sample-episode.txt
REPEAT=24   # 24 x 2:29.7 = 59.9 minutes

build_episodes() {
    local list="$DIR/list.txt"
    if [[ ! -s "$DIR/ep60.mp3" ]]; then
        : >"$list"
        for _ in $(seq "$REPEAT"); do echo "file '$PWD/$SAMPLE'" >>"$list"; done
        ffmpeg -nostdin -loglevel error -y -f concat -safe 0 -i "$list" \
            -ac 2 -ar 44100 -c:a libmp3lame -b:a 128k "$DIR/ep60.mp3"
    fi
    if [[ ! -s "$DIR/ep60.m4a" ]]; then
        ffmpeg -nostdin -loglevel error -y -i "$DIR/ep60.mp3" -ac 2 -ar 44100 -c:a aac -b:a 128k \
            "$DIR/ep60.m4a"
    fi
    if [[ ! -s "$DIR/ep60.txt" ]]; then
        : >"$DIR/ep60.txt"
        for _ in $(seq "$REPEAT"); do cat "$SAMPLE_TXT" >>"$DIR/ep60.txt"; echo >>"$DIR/ep60.txt"; done
    fi
    if [[ "$LONG" == 1 && ! -s "$DIR/ep240.mp3" ]]; then
        : >"$list"
        for _ in 1 2 3 4; do echo "file '$PWD/$DIR/ep60.mp3'" >>"$list"; done
        # Re-encode (not stream copy) so the 4-hour file is one clean gapless stream.
        ffmpeg -nostdin -loglevel error -y -f concat -safe 0 -i "$list" \
            -ac 2 -ar 44100 -c:a libmp3lame -b:a 128k "$DIR/ep240.mp3"
    fi
    if [[ "$LONG" == 1 && ! -s "$DIR/ep240.txt" ]]; then
        for _ in 1 2 3 4; do cat "$DIR/ep60.txt"; done >"$DIR/ep240.txt"
    fi
}

# Runs a command under /usr/bin/time -v; echoes "wall cpu peak_kb".
timed() {
    local log
    log=$(mktemp)
    local rc=0
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || rc=$?
    # podcue exits 3 when it judges the transcript a mismatch: timing still counts.
    if [[ $rc -ne 0 && $rc -ne 3 ]]; then
        echo "failed ($rc): $*" >&2
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
        /User time/ { u = $2 } /System time/ { s = $2 }
        /Maximum resident/ { m = $2 }
        END { printf "%.3f %.3f %d\n", w, u + s, m }' "$log"
    rm -f "$log"
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# compare NAME AUDIO TRANSCRIPT: prints one result line, and sets P_WALL, P_PEAK.
compare() {
    local name=$1 audio=$2 txt=$3
    local out
    out=$(mktemp -d)
    local pw=() pc=() pm=() fw=() fc=()
    for i in $(seq "$RUNS"); do
        read -r w c m < <(timed "$PODCUE" align "$audio" "$txt" -o "$out")
        pw+=("$w"); pc+=("$c"); pm+=("$m")
        read -r w c _ < <(timed ffmpeg -nostdin -threads 1 -i "$audio" -f null -)
        fw+=("$w"); fc+=("$c")
        printf '  %s run %d: podcue %ss (cpu %ss, %d MB)  ffmpeg %ss (cpu %ss)\n' "$name" "$i" \
            "${pw[-1]}" "${pc[-1]}" $((pm[-1] / 1024)) "${fw[-1]}" "${fc[-1]}" >&2
    done
    rm -rf "$out"
    local mpw mpc mfw mfc peak
    mpw=$(printf '%s\n' "${pw[@]}" | median)
    mpc=$(printf '%s\n' "${pc[@]}" | median)
    mfw=$(printf '%s\n' "${fw[@]}" | median)
    mfc=$(printf '%s\n' "${fc[@]}" | median)
    peak=$(printf '%s\n' "${pm[@]}" | sort -n | tail -1)
    P_WALL=$mpw
    P_PEAK=$peak
    printf '%-8s podcue wall %6.2fs cpu %6.2fs | ffmpeg -threads 1 wall %6.2fs cpu %6.2fs | ratio wall %.2f cpu %.2f | podcue peak RSS %d MB\n' \
        "$name" "$mpw" "$mpc" "$mfw" "$mfc" \
        "$(echo "$mpw / $mfw" | bc -l)" "$(echo "$mpc / $mfc" | bc -l)" $((peak / 1024))
}

build_episodes
echo "podcue: $PODCUE ($("$PODCUE" --version 2>/dev/null || true)); ffmpeg: $(ffmpeg -version | head -1 | cut -d' ' -f3)"
echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); runs: $RUNS (medians)"
compare mp3-60m "$DIR/ep60.mp3" "$DIR/ep60.txt"
W60=$P_WALL
P60=$P_PEAK
if [[ "$M4A" == 1 ]]; then
    compare m4a-60m "$DIR/ep60.m4a" "$DIR/ep60.txt"
fi
if [[ "$LONG" == 1 ]]; then
    compare mp3-240m "$DIR/ep240.mp3" "$DIR/ep240.txt"
    printf 'linearity: 4-hour / 1-hour podcue wall = %.2f (target <= 4.3); peak %d MB vs %d MB\n' \
        "$(echo "$P_WALL / $W60" | bc -l)" $((P_PEAK / 1024)) $((P60 / 1024))
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
