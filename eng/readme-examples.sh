#!/usr/bin/env bash
# Builds the README's C# examples as a user would: against the library packages its install block adds, packed from
# this clone, in a project outside the repository (no Directory.Build.props, no project references).
#
#   eng/readme-examples.sh [WORK_DIR]
#
# The packages get a version of their own (0.0.0-readme.<time>), so a package of the same version restored earlier into
# the machine's NuGet cache can never stand in for the one just packed; the restore goes to WORK_DIR/cache, with the
# machine's cache as a fallback folder for the third-party packages. Exit 0 when every block compiles.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
version="0.0.0-readme.$(date +%s)"
packages="$work/packages"
project="$work/readme-examples"
rm -rf "$packages" "$project"
mkdir -p "$packages" "$project"

# The packages of the README's install block, and what they depend on.
for name in Shapotou.Sdk Shapotou.Sdk.Contract Shapotou.Sdk.Analytics Shapotou.Sdk.Monitoring Shapotou.Sdk.Parquet Shapotou.Sdk.Assessment; do
  dotnet pack "$root/src/$name/$name.csproj" -c Release -o "$packages" -p:MinVerVersionOverride="$version" -v q -nologo > "$work/pack-$name.log" 2>&1 \
    || { cat "$work/pack-$name.log" >&2; exit 1; }
done

cat > "$project/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="shapotou-packed" value="$packages" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="machine-cache" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
  </fallbackPackageFolders>
</configuration>
EOF

# The install block's four packages, as `dotnet add package` would write them.
cat > "$project/readme-examples.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <RestorePackagesPath>$work/cache</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
$(grep -o 'dotnet add package Shapotou[A-Za-z.]*' "$root/README.md" | awk -v v="$version" '{ printf "    <PackageReference Include=\"%s\" Version=\"%s\" />\n", $4, v }')
  </ItemGroup>
</Project>
EOF

# Each ```csharp block of the README becomes the body of its own method (the blocks reuse names such as `output`), with
# the usings the README's prose names.
{
  grep -o 'using [A-Za-z.]*;' "$root/README.md" | sort -u
  echo 'using System.Globalization;'
  echo 'Console.WriteLine("The README examples compile.");'
  awk '
    /^```csharp$/ { n++; printf "static async Task Example%d()\n{\n", n; inside = 1; next }
    /^```$/ && inside { print "    await Task.CompletedTask;\n}"; inside = 0; next }
    inside { print "    " $0 }
  ' "$root/README.md"
} > "$project/Program.cs"

blocks=$(grep -c '^```csharp$' "$root/README.md")
if ! dotnet build "$project/readme-examples.csproj" -v q -nologo > "$work/build.log" 2>&1; then
  grep -E 'error' "$work/build.log" | sort -u >&2
  echo "the README's examples do not build from the packed packages ($project/Program.cs)" >&2
  exit 1
fi
echo "the README's $blocks C# blocks build from the packed packages $version" >&2
