# The dependencies of the Windows build (the `windows` preset), in place of the Linux build's find_package():
# - nlohmann/json, CLI11 and Catch2 are Debian's headers, seen through a folder of links to them alone (adding
#   /usr/include itself would put glibc's headers before MinGW's);
# - SQLite is compiled in from the amalgamation scripts/windows-deps.sh makes from Debian's source package;
# - SHA-256 and random bytes come from Windows itself (CNG, bcrypt.dll): no OpenSSL;
# - no Boost: the doctor starts the host with CreateProcess (doctor/host_launch-win32.cc).
set(UNTRAIN_WINDOWS_DEPS "${PROJECT_SOURCE_DIR}/build/windows-deps" CACHE PATH
    "where scripts/windows-deps.sh keeps the SQLite amalgamation")
set(sqlite_dir "${UNTRAIN_WINDOWS_DEPS}/sqlite-amalgamation")
if(NOT EXISTS "${sqlite_dir}/sqlite3.c")
  execute_process(COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/windows-deps.sh" "${UNTRAIN_WINDOWS_DEPS}"
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR NOT EXISTS "${sqlite_dir}/sqlite3.c")
    message(FATAL_ERROR "no SQLite amalgamation in ${sqlite_dir}: run scripts/windows-deps.sh")
  endif()
endif()

set(headers "${CMAKE_BINARY_DIR}/debian-headers")
foreach(folder nlohmann CLI catch2)
  file(MAKE_DIRECTORY "${headers}")
  if(NOT EXISTS "${headers}/${folder}")
    file(CREATE_LINK "/usr/include/${folder}" "${headers}/${folder}" SYMBOLIC)
  endif()
endforeach()
foreach(package nlohmann_json::nlohmann_json CLI11::CLI11 Catch2::Catch2)
  add_library(${package} INTERFACE IMPORTED)
  set_target_properties(${package} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${headers}")
endforeach()

enable_language(C)
add_library(untrain_sqlite3 STATIC "${sqlite_dir}/sqlite3.c")
target_include_directories(untrain_sqlite3 SYSTEM PUBLIC "${sqlite_dir}")
# As Debian builds libsqlite3 (debian/rules), less what Windows does not need.
target_compile_definitions(untrain_sqlite3 PRIVATE SQLITE_THREADSAFE=1 SQLITE_ENABLE_COLUMN_METADATA
                                                   SQLITE_ENABLE_FTS5 SQLITE_ENABLE_JSON1 SQLITE_DEFAULT_FOREIGN_KEYS=0
                                                   SQLITE_OMIT_LOAD_EXTENSION)
add_library(SQLite::SQLite3 ALIAS untrain_sqlite3)

find_package(Threads REQUIRED)

# Windows 10 and later; no min/max macros from windows.h; gmtime_r and localtime_r from MinGW's time.h.
add_compile_definitions(_WIN32_WINNT=0x0A00 WIN32_LEAN_AND_MEAN NOMINMAX _POSIX_THREAD_SAFE_FUNCTIONS)
