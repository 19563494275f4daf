# annals_library(NAME SRCS ... DEPS ...): one layer's static library. The
# DEPS list is the layer's allowed dependencies, visible in one place.
# Every layer sees the repository root (for "engine/...") and include/.
function(annals_library NAME)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_library(${NAME} STATIC ${ARG_SRCS})
  target_include_directories(${NAME} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
    $<INSTALL_INTERFACE:include>)
  target_link_libraries(${NAME} PUBLIC ${ARG_DEPS})
  target_compile_features(${NAME} PUBLIC cxx_std_17)
endfunction()
