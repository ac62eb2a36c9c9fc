#include "browsers.h"

namespace untrain {

const std::vector<Browser>& known_browsers() {
  static const std::vector<Browser> browsers = {
      {"chromium", Family::chromium, ".config/chromium/NativeMessagingHosts"},
      {"chrome", Family::chromium, ".config/google-chrome/NativeMessagingHosts"},
      {"edge", Family::chromium, ".config/microsoft-edge/NativeMessagingHosts"},
      {"brave", Family::chromium, ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts"},
      {"vivaldi", Family::chromium, ".config/vivaldi/NativeMessagingHosts"},
      {"firefox", Family::firefox, ".mozilla/native-messaging-hosts"},
      {"librewolf", Family::firefox, ".librewolf/native-messaging-hosts"},
  };
  return browsers;
}

const Browser* find_browser(std::string_view name) {
  for (const auto& browser : known_browsers()) {
    if (browser.name == name) return &browser;
  }
  return nullptr;
}

}  // namespace untrain
