#!/usr/bin/env bash
# Writes the seed corpus of tapisim-fuzz: small programs in the harness's encoding (harness.c:
# one operation byte, then the argument bytes that operation reads). Each seed reaches one part
# of the switch, so that the fuzzer starts from there rather than from nothing.
#   native/fuzz/make-corpus.sh [DIR]     (default: native/fuzz/corpus)
set -euo pipefail
dir=${1:-"$(dirname "${BASH_SOURCE[0]}")/corpus"}
mkdir -p "$dir"

# Operation numbers (harness.c, opNames) and the argument bytes each takes.
init=0 shutdown=1 open=2 close=3 status=4 make=5 answer=6 drop=7 dealloc=8 complete=9
uncomplete=10 getmsg=11 drain=12 callinfo=13 callstatus=14 addrcaps=15 devcaps=16
devstatus=17 negotiate=18 station=19 advance=20 option=21 closeline=22 failnext=23
# Argument values: versions 3.1 2.0 1.4; privileges OWNER MONITOR; numbers "101" "201";
# station states; completion modes; clock steps 3 s, 20 s, 45 min.
v31=0 v20=1 v14=2 owner=0 monitor=1 n101=1 n201=4 idle=0 busy=1
campon=0 callback=1 intrude=2 message=3 ms3s=4 ms20s=6 ms45min=8

prog=()
op() { prog+=("$@"); }
seed() {
    local out="" b
    for b in "${prog[@]}"; do out+=$(printf '\\%03o' "$b"); done
    printf '%b' "$out" > "$dir/$1"
    prog=()
}

# Two applications, a local call answered, dropped and deallocated.
op $init 0 $v31  $init 1 $v31
op $open 0 0 $v31 $owner 0  $open 1 1 $v31 $owner 0
op $make 0 0 $n101 0  $drain 1  $answer 1 0 1  $drain 0
op $drop 0 0 1  $dealloc 0 0  $drain 0  $drain 1
seed local-call

# CALLBACK on a busy remote station: accepted, the station frees, the recall rings.
op $init 0 $v31  $open 0 0 $v31 $owner 0  $status 0 0 1 0
op $station $n201 $busy  $make 0 0 $n201 0  $drain 0
op $complete 0 0 $callback 0 1  $drain 0
op $station $n201 $idle  $advance $ms3s  $drain 0  $answer 0 1 1  $advance $ms20s  $drain 0
seed callback-busy

# CAMPON, then lineUncompleteCall with the ID the switch handed out.
op $init 0 $v20  $open 0 0 $v20 $owner 0  $station $n201 $busy  $make 0 0 $n201 0
op $complete 0 0 $campon 0 1  $drain 0  $uncomplete 0 0 5 0  $drain 0
op $advance $ms45min  $drain 0
seed campon-uncomplete

# Shut down with a completion request outstanding: its ID must never be written.
op $init 0 $v31  $init 1 $v31  $open 0 0 $v31 $owner 0  $open 1 0 $v31 $monitor 0
op $station $n201 $busy  $make 0 0 $n201 0  $complete 0 0 $callback 0 1
op $shutdown 0  $advance $ms3s  $drain 1
seed shutdown-pending

# MESSAGE and INTRUDE on a local busy line; lineClose and LINE_CLOSE with requests pending.
op $init 0 $v31  $init 1 $v31  $open 0 0 $v31 $owner 0  $open 1 1 $v31 $owner 0
op $station $n101 $busy  $make 0 0 $n101 0  $complete 0 0 $message 1 1  $close 0 0
op $open 0 0 $v31 $owner 0  $make 0 1 $n101 0  $complete 0 1 $intrude 0 1  $closeline 0
op $drain 0  $drain 1
seed close-pending

# The Get functions with dwTotalSize around the full size, small, and up to 4 KiB.
op $init 0 $v14  $open 0 0 $v14 $owner 0  $make 0 0 $n201 0  $drain 0
op $callinfo 0 0 0  $callinfo 0 0 1  $callinfo 0 0 2  $callinfo 0 0 120  $callinfo 0 0 250 200 1
op $callstatus 0 0 0  $callstatus 0 0 113
op $addrcaps 0 0 0 $v14 0  $addrcaps 0 0 0 $v31 5  $addrcaps 0 0 0 $v20 114
op $devcaps 0 0 $v31 0  $devcaps 0 0 $v14 3  $devstatus 0 0 0  $devstatus 0 0 116
seed get-sizes

# API 1.4: the completion request is pending when the sole owner drops and deallocates.
op $init 0 $v14  $init 1 $v31  $open 0 0 $v14 $owner 0  $open 1 0 $v31 $monitor 0
op $station $n201 $busy  $make 0 0 $n201 0  $drain 0  $complete 0 0 $callback 0 1
op $drop 0 0 1  $dealloc 0 0  $complete 0 0 $campon 0 1  $drain 0  $drain 1
op $option 1 1  $option 3 1  $failnext 3 1  $make 0 0 $n201 0  $complete 0 1 $callback 0 1
op $drain 0
seed v14-drop-pending
