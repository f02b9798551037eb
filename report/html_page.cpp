#include "report/html_page.hpp"

#include "report/format.hpp"

namespace sentra::report {

std::string html_page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"sentra report\">\n<title>" +
         html_escape(title) +
         "</title>\n<style>\n"
         "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1100px;margin:2em auto;"
         "padding:0 1em;color:#222;line-height:1.45}\n"
         "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{margin-top:1.6em}\n"
         "table{border-collapse:collapse;margin:1em 0;font-size:.92em}\n"
         "th,td{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}\n"
         "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
         "th{background:#f4f4f4}\n"
         ".raises{color:#0b5394}.lowers{color:#a61c00}.unclear,.identical{color:#666}\n"
         ".meta{color:#555;font-size:.92em}\n"
         ".charts{display:flex;flex-wrap:wrap;gap:1em}.chart{flex:1 1 480px;max-width:720px}\n"
         ".chart svg{width:100%;height:auto}\n"
         "</style>\n</head>\n<body>\n" +
         body + "\n</body>\n</html>\n";
}

}  // namespace sentra::report
