# Cross-building untrain.exe for 64-bit Windows with Debian's MinGW-w64 (g++-mingw-w64-x86-64-posix: the POSIX thread
# model, which std::thread and std::mutex need). Used by the `windows` preset (CMakePresets.json).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(UNTRAIN_MINGW_PREFIX x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${UNTRAIN_MINGW_PREFIX}-gcc-posix)
set(CMAKE_CXX_COMPILER ${UNTRAIN_MINGW_PREFIX}-g++-posix)
set(CMAKE_RC_COMPILER ${UNTRAIN_MINGW_PREFIX}-windres)

# Headers-only packages (nlohmann/json, CLI11, Catch2) come from Debian's /usr: their CMake package files are found
# there, everything else (libraries, programs) only in the MinGW sysroot.
set(CMAKE_FIND_ROOT_PATH /usr/${UNTRAIN_MINGW_PREFIX} /usr)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# One file that runs on a stock Windows 10/11: the C++ runtime, libgcc and winpthread linked in, no MinGW DLLs.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# Reproducible (docs/release.md): ld writes no link time into the PE header, and a release build keeps no symbol table,
# whose .file entries name the source files as the compiler was given them.
string(APPEND CMAKE_EXE_LINKER_FLAGS_INIT " -Wl,--no-insert-timestamp")
set(CMAKE_EXE_LINKER_FLAGS_RELEASE_INIT "-s")

# The tests run the .exe files under Wine (tests/windows/).
set(CMAKE_CROSSCOMPILING_EMULATOR wine)
