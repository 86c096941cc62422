#!/usr/bin/env bash
# Builds Sesame.app and Sesame-<version>.dmg on a Mac (Xcode command line tools and rustup):
#
#   packaging/macos/build-app.sh              # for this Mac's architecture
#   packaging/macos/build-app.sh --universal  # one binary for Apple silicon and Intel Macs
#
# Results: target/macos/Sesame.app and target/macos/Sesame-<version>.dmg.
# Signing (optional; without it the app is signed ad hoc and Gatekeeper asks the user to
# confirm the first start, see RELEASING.md):
#   SESAME_CODESIGN_IDENTITY="Developer ID Application: Name (TEAMID)"  signs app and disk image
#   SESAME_NOTARY_PROFILE=profile-name   then notarizes the disk image (a profile stored with
#                                        `xcrun notarytool store-credentials`) and staples it
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "build-app.sh: $*" >&2; exit 1; }
[ "$(uname -s)" = Darwin ] || fail "runs on macOS only (it needs lipo, codesign and hdiutil)"

universal=no
case "${1:-}" in
  "") ;;
  --universal) universal=yes ;;
  *) fail "usage: $0 [--universal]" ;;
esac

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || fail "no version in Cargo.toml"
year=$(date +%Y)
out=target/macos
app="$out/Sesame.app"

# 1. The release binary of the desktop app.
if [ "$universal" = yes ]; then
  targets=(aarch64-apple-darwin x86_64-apple-darwin)
  rustup target add "${targets[@]}"
  binaries=()
  for target in "${targets[@]}"; do
    cargo build --release --locked --bin sesame --target "$target"
    binaries+=("target/$target/release/sesame")
  done
  mkdir -p "$out"
  lipo -create -output "$out/sesame" "${binaries[@]}"
else
  cargo build --release --locked --bin sesame
  mkdir -p "$out"
  cp target/release/sesame "$out/sesame"
fi
lipo -info "$out/sesame"

# 2. The bundle: Contents/{Info.plist,PkgInfo,MacOS/sesame,Resources/{icon,en.lproj,fr.lproj}}.
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
mv "$out/sesame" "$app/Contents/MacOS/sesame"
sed -e "s/@VERSION@/$version/g" -e "s/@YEAR@/$year/g" packaging/macos/Info.plist >"$app/Contents/Info.plist"
printf 'APPL????' >"$app/Contents/PkgInfo"
cp resources/icons/app.sesame.Sesame.icns "$app/Contents/Resources/"
for lang in en fr; do
  mkdir -p "$app/Contents/Resources/$lang.lproj"
  sed -e "s/@YEAR@/$year/g" "packaging/macos/$lang.lproj/InfoPlist.strings" \
    >"$app/Contents/Resources/$lang.lproj/InfoPlist.strings"
done
cp resources/fonts/LICENSE-DejaVu.txt LICENSE-MIT LICENSE-APACHE "$app/Contents/Resources/"
plutil -lint "$app/Contents/Info.plist"
for lang in en fr; do plutil -lint "$app/Contents/Resources/$lang.lproj/InfoPlist.strings"; done

# 3. Signing: with a Developer ID (hardened runtime, secure timestamp) or ad hoc.
if [ -n "${SESAME_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --options runtime --timestamp --sign "$SESAME_CODESIGN_IDENTITY" "$app"
else
  codesign --force --sign - "$app"
fi
codesign --verify --strict --verbose=2 "$app"

# 4. The disk image: the app and a link to /Applications to drag it onto.
dmg="$out/Sesame-$version.dmg"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Sesame $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${SESAME_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$SESAME_CODESIGN_IDENTITY" "$dmg"
  if [ -n "${SESAME_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$SESAME_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
  fi
fi
hdiutil verify "$dmg"
echo "built $app and $dmg"
