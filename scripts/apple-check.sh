#!/usr/bin/env bash
# Type-checks the app's Apple side — nhi-client for iOS (aarch64-apple-ios: the Keychain
# store and quick sign-in's Secure Enclave key) and for a Mac (aarch64-apple-darwin: Touch
# ID's Secure Enclave key) — without Xcode, which cannot be had here: Debian's clang stands
# in as the target C compiler for the build scripts that compile C (ring), with a
# freestanding header set just large enough for them, and an empty SDK root so that cc-rs
# does not look for xcrun. Nothing is linked.

source "$(dirname "$0")/lib.sh"

for target in aarch64-apple-ios aarch64-apple-darwin; do
  rustup target list --installed | grep -qx "$target" || {
    log "Adding the $target target"
    rustup target add "$target"
  }
done

shim="$ROOT/target/apple-check"
mkdir -p "$shim/bin" "$shim/include" "$shim/sdk"
freestanding_headers "$shim"
mkdir -p "$shim/ios" "$shim/mac"
printf '%s\n' '#define TARGET_OS_IPHONE 1' '#define TARGET_OS_IOS 1' '#define TARGET_OS_OSX 0' \
  '#define TARGET_OS_MAC 1' > "$shim/ios/TargetConditionals.h"
printf '%s\n' '#define TARGET_OS_IPHONE 0' '#define TARGET_OS_IOS 0' '#define TARGET_OS_OSX 1' \
  '#define TARGET_OS_MAC 1' > "$shim/mac/TargetConditionals.h"
for os in ios mac; do
  target="arm64-apple-ios13"
  [ "$os" = mac ] && target="arm64-apple-macos11"
  cat > "$shim/bin/$os-clang" <<SH
#!/bin/sh
exec clang --target=$target -ffreestanding -nostdlibinc -isystem "$shim/$os" -isystem "$shim/include" "\$@"
SH
  chmod +x "$shim/bin/$os-clang"
done

log "Type-checking and linting the iOS side of the app (nhi-client, features: keyring)"
SDKROOT="$shim/sdk" CC_aarch64_apple_ios="$shim/bin/ios-clang" AR_aarch64_apple_ios=ar \
  cargo clippy -p nhi-client --target aarch64-apple-ios --features keyring -- -D warnings
log "Type-checking and linting the Mac side of the app (nhi-client, features: keyring)"
SDKROOT="$shim/sdk" CC_aarch64_apple_darwin="$shim/bin/mac-clang" AR_aarch64_apple_darwin=ar \
  cargo clippy -p nhi-client --target aarch64-apple-darwin --features keyring -- -D warnings
