#pragma once
// Drawing charts with gnuplot. Why gnuplot rather than a JavaScript charting package: it
// is one Debian package (gnuplot-nox, no X11), needs no Node toolchain at build time, and
// its svg terminal gives static SVG that we embed in the HTML, so a report opens offline
// in any browser (or a mail client) without running any script. The charts are gnuplot's
// own: axes, ticks, filled bands, error bars and legends; we only write data and commands.
#include <stdexcept>
#include <string>

namespace sentra::report {

// gnuplot is not installed (or SENTRA_GNUPLOT names no program): the message says what to install.
class GnuplotMissing : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The program run: $SENTRA_GNUPLOT if set, otherwise `gnuplot` found on PATH. Throws
// GnuplotMissing when there is none.
std::string gnuplot_program();

// Runs gnuplot with `script` on its standard input and returns the SVG it drew. The script
// must not set the terminal or the output: this prepends `set terminal svg size
// width,height` and the output file. Throws GnuplotMissing, or std::runtime_error with
// gnuplot's own messages when it fails (exit status not 0, or no SVG written).
std::string gnuplot_svg(const std::string& script, int width, int height);

// A gnuplot single-quoted string literal ('' stands for a quote inside one).
std::string gnuplot_quote(const std::string& text);

}  // namespace sentra::report
