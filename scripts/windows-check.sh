#!/usr/bin/env bash
# Type-checks the app's Windows side — nhi-client for x86_64-pc-windows-gnu: the Credential
# Manager store and quick sign-in's Windows Hello key — on this Linux machine. Debian's clang
# stands in as the target C compiler for the build scripts that compile C (ring), with the
# same freestanding header set as the Apple check. Nothing is linked.

source "$(dirname "$0")/lib.sh"

target=x86_64-pc-windows-gnu
rustup target list --installed | grep -qx "$target" || {
  log "Adding the $target target"
  rustup target add "$target"
}

shim="$ROOT/target/windows-check"
mkdir -p "$shim/bin"
freestanding_headers "$shim"
cat > "$shim/bin/windows-clang" <<SH
#!/bin/sh
exec clang --target=x86_64-w64-windows-gnu -ffreestanding -nostdlibinc -isystem "$shim/include" "\$@"
SH
chmod +x "$shim/bin/windows-clang"

log "Type-checking and linting the Windows side of the app (nhi-client, features: keyring)"
CC_x86_64_pc_windows_gnu="$shim/bin/windows-clang" AR_x86_64_pc_windows_gnu=ar \
  cargo clippy -p nhi-client --target "$target" --features keyring -- -D warnings
