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
dial=24 hold=25 unhold=26 swaphold=27 redirect=28 blindxfer=29 setupxfer=30 completexfer=31
addconf=32 removeconf=33 gendigits=34 monitordigits=35 remotecall=36 remoteanswer=37
remotehangup=38 remotedigits=39 dialcaps=40
# Argument values: versions 3.1 2.0 1.4; privileges OWNER MONITOR; numbers "101" "201";
# station states; completion modes; clock steps 3 s, 20 s, 45 min.
v31=0 v20=1 v14=2 owner=0 monitor=1 n101=1 n201=4 idle=0 busy=1
campon=0 callback=1 intrude=2 message=3 ms500=2 ms3s=4 ms20s=6 ms45min=8
# Numbers of number_arg (lineMakeCallW, stations): "100" "102" "202" "203"; lineMakeCallW's
# "how" byte for no number (a call in dial tone).
n100=0 n102=2 n202=5 n203=6 dialtone=16
# Dialable addresses of callctl.c's dial_arg, transfer modes, digit modes.
d201=0 d101=1 d102=2 d203=3 dpauses=4 dsemi=8 d03=9 dwait=12 dquiet=13 dbilling=14 dprompt=15
dsub=16 dname=18 dcrlf=20 dcanonical=22 dbroken=25 dinvalid=27
xfer=0 conf=1 badmode=5 dtmf=0 pulse=1

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

# Hold, a second call in dial tone dialled in two steps, swap hold, unhold.
op $init 0 $v31  $open 0 0 $v31 $owner 0  $make 0 0 $n201 0  $advance $ms3s  $drain 0
op $hold 0 0  $drain 0  $make 0 0 0 $dialtone  $drain 0  $dial 0 1 $dsemi 0 0  $drain 0
op $dial 0 1 $d03 0 0  $advance $ms3s  $drain 0
op $swaphold 0 1 0  $drain 0  $unhold 0 0  $drain 0  $drop 0 1 1  $drop 0 0 1  $drain 0
seed hold-swap-dial

# The modifiers, CRLF lists, the canonical form and broken strings, on lineDialW; the
# lines honour W @ $ (set before the first application).
op $dialcaps 0 4  $init 0 $v31  $open 0 0 $v31 $owner 0
for d in $dpauses $dwait $dquiet $dbilling $dprompt $dsub $dname $dcrlf $dcanonical $dbroken $dinvalid; do
    op $make 0 0 0 $dialtone  $drain 0  $dial 0 0 $d 0 0  $drain 0  $drop 0 0 1  $dealloc 0 0  $drain 0
done
seed dial-strings

# Consultation transfer: 201 held, the consultation call to 101 answered by a second
# application, then the transfer joins 201 and 101.
op $init 0 $v31  $init 1 $v31  $open 0 0 $v31 $owner 0  $open 1 1 $v31 $owner 0
op $make 0 0 $n201 0  $advance $ms3s  $drain 0  $setupxfer 0 0 0  $drain 0
op $dial 0 1 $d101 0 0  $drain 0  $drain 1  $answer 1 0 1  $drain 1  $drain 0
op $completexfer 0 0 1 $xfer 0  $drain 0  $drain 1  $remotehangup $n201  $drain 1
seed consult-transfer

# A conference of 201 and 203, then 202 added and one party removed.
op $init 0 $v31  $open 0 0 $v31 $owner 0  $make 0 0 $n201 0  $advance $ms3s  $drain 0
op $setupxfer 0 0 1  $drain 0  $dial 0 1 $d203 0 0  $advance $ms3s  $drain 0
op $completexfer 0 0 1 $conf 0  $drain 0  $hold 0 2  $drain 0
op $make 0 0 $n202 0  $advance $ms3s  $drain 0  $addconf 0 2 3  $drain 0
op $removeconf 0 0  $drain 0  $completexfer 0 0 1 $badmode 0  $drop 0 2 1  $drain 0
seed conference

# An incoming call from 201 redirected to 101, one from 202 answered and blind-transferred
# to 102, one from 203 transferred to a remote number (refused).
op $init 0 $v31  $init 1 $v31  $open 0 0 $v31 $owner 0  $open 1 1 $v31 $owner 0
op $remotecall $n201 $n100 1 0 1  $drain 0  $redirect 0 0 $d101 0 0  $drain 0  $drain 1
op $remotecall $n202 $n100 0 2 1  $drain 0  $answer 0 1 1  $drain 0  $blindxfer 0 1 $d102 0 0
op $drain 0  $remotecall $n203 $n100 0 0 1  $drain 0  $answer 0 2 1  $drain 0
op $blindxfer 0 2 $d203 0 0  $drain 0  $remoteanswer $n203  $remotehangup $n202  $drain 0
seed redirect-blind

# DTMF both ways: 201 presses keys the line monitors, the line sends digits, then cancels.
op $init 0 $v31  $open 0 0 $v31 $owner 0  $make 0 0 $n201 0  $advance $ms3s  $drain 0
op $monitordigits 0 0 $dtmf  $remotedigits $n201 0  $advance $ms500  $drain 0
op $gendigits 0 0 $dtmf 1 0  $advance $ms500  $drain 0  $gendigits 0 0 $pulse 2 3
op $gendigits 0 0 $dtmf 8 0  $drain 0  $monitordigits 0 0 4  $remotehangup $n201  $drain 0
seed digits
