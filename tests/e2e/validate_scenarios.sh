#!/usr/bin/env bash
# Every shipped scenario validates.
bin=$1; dir=$2
"$bin" validate "$dir"/*.yaml
