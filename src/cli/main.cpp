// The only main(): hands the arguments to the CLI driver.

#include <exception>
#include <iostream>

#include "cinefolio/pdf/pdf.hpp"
#include "cli.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    int exit_code = cinefolio::cli::kSuccess;
    cinefolio::pdf::prepare_cairo();  // before any thread starts
    try {
        auto options = cinefolio::cli::parse_arguments(arguments, exit_code);
        if (!options) return exit_code;
        // `new` makes a book; every other command reads one.
        if (options->command == "new") return cinefolio::cli::new_book(*options);
        return cinefolio::cli::run(*options);
    } catch (const std::exception& error) {
        // A bug, not bad input: say so plainly rather than abort with a core.
        std::cerr << "cinefolio: internal error: " << error.what() << "\n";
        return 3;
    }
}
