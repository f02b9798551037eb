#!/usr/bin/env bash
# Every shipped scenario and experiment file validates.
bin=$1; dir=$2
"$bin" validate "$dir"/*.yaml "$dir"/experiments/*.yaml
