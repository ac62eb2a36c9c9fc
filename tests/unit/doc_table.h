// The rows of the first table under a heading of a Markdown file in docs/, cell by cell, so that a
// test can hold the code to what the docs say.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef UNTRAIN_DOCS_DIR
#error "UNTRAIN_DOCS_DIR must name the docs/ folder (tests/unit/CMakeLists.txt)"
#endif

// The body rows (not the header or the |---| line) of the first table after the line `heading`;
// cells are trimmed, and a cell written `like_this` loses its backquotes.
inline std::vector<std::vector<std::string>> doc_table(const std::string& file, const std::string& heading) {
  std::ifstream in(std::string(UNTRAIN_DOCS_DIR) + "/" + file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool under_heading = false, in_table = false;
  while (std::getline(in, line)) {
    if (!under_heading) {
      under_heading = line == heading;
      continue;
    }
    bool table_line = line.rfind('|', 0) == 0;
    if (!table_line) {
      if (in_table) break;
      continue;
    }
    if (!in_table) {  // the header row; the |---| line follows it
      in_table = true;
      std::getline(in, line);
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream parts(line.substr(1));
    std::string cell;
    while (std::getline(parts, cell, '|')) {
      auto first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
      cell = first == std::string::npos ? "" : cell.substr(first, last - first + 1);
      if (cell.size() >= 2 && cell.front() == '`' && cell.back() == '`') cell = cell.substr(1, cell.size() - 2);
      cells.push_back(cell);
    }
    rows.push_back(cells);
  }
  return rows;
}
