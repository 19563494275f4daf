# annals.pc, the pkg-config file `cmake --install` puts in LIBDIR/pkgconfig,
# so that `g++ app.cc $(pkg-config --cflags --libs annals)` builds: made from
# the link lines of the layer targets (each absl::X as the module absl_X,
# RocksDB as rocksdb, Boost.Serialization and Threads as flags), so a new
# dependency cannot be left out of it silently: one this file does not know
# stops the configuration. Paths are relative to the .pc file's own folder
# (${pcfiledir}), so `cmake --install --prefix` anywhere gives a working file.

# Adds the pkg-config modules and flags for the dependencies in `items` to
# the lists named by MODULES and FLAGS; Annals targets are followed through
# their own LINK_LIBRARIES (each once).
function(annals_pc_collect items modules_var flags_var)
  set(modules ${${modules_var}})
  set(flags ${${flags_var}})
  set(queue ${items})
  set(seen)
  while(queue)
    list(POP_FRONT queue item)
    if(item IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${item})
    if(item MATCHES "^annals")
      get_target_property(deps ${item} LINK_LIBRARIES)
      if(deps)
        list(APPEND queue ${deps})
      endif()
    elseif(item MATCHES "^absl::(.+)$")
      list(APPEND modules absl_${CMAKE_MATCH_1})
    elseif(item STREQUAL "RocksDB::rocksdb-shared" OR
           item STREQUAL "RocksDB::rocksdb")
      list(APPEND modules rocksdb)
    elseif(item STREQUAL "PkgConfig::SERD")
      list(APPEND modules serd-0)
    elseif(item STREQUAL "Boost::serialization")
      list(APPEND flags -lboost_serialization)
    elseif(item STREQUAL "Threads::Threads")
      list(APPEND flags -pthread)
    elseif(item MATCHES "^-Wl,|^\\$<TARGET_FILE:")
      # annals_shared's whole-archive link of the layers
    else()
      message(FATAL_ERROR "cmake/annals_pkg_config.cmake: no pkg-config "
                          "name for the dependency '${item}'; add one")
    endif()
  endwhile()
  list(REMOVE_DUPLICATES modules)
  list(REMOVE_DUPLICATES flags)
  set(${modules_var} ${modules} PARENT_SCOPE)
  set(${flags_var} ${flags} PARENT_SCOPE)
endfunction()

# Writes ${PROJECT_BINARY_DIR}/annals.pc for the static libraries of
# `layers` (link order), or, with ANNALS_SHARED, for libannals.so.
function(annals_write_pkg_config layers)
  set(requires)
  set(requires_private)
  set(libs)
  set(libs_private)
  if(ANNALS_SHARED)
    # One -lannals; the public headers need absl's status types.
    set(libs "-lannals")
    annals_pc_collect("absl::status;absl::statusor" requires libs)
    annals_pc_collect("${layers}" requires_private libs_private)
    list(REMOVE_ITEM requires_private ${requires})
  else()
    # Static libraries: `pkg-config --libs` (without --static) must give
    # everything they need, so all of it is in Libs and Requires.
    foreach(layer IN LISTS layers)
      list(APPEND libs "-l${layer}")
    endforeach()
    annals_pc_collect("${layers}" requires libs)
  endif()
  if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    set(pc_libdir "${CMAKE_INSTALL_LIBDIR}")
    set(pc_prefix "${CMAKE_INSTALL_PREFIX}")
  else()
    file(RELATIVE_PATH up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
    string(REGEX REPLACE "/$" "" up "${up}")
    set(pc_prefix "\${pcfiledir}/${up}")
    set(pc_libdir "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  endif()
  list(JOIN requires ", " ANNALS_PC_REQUIRES)
  list(JOIN requires_private ", " ANNALS_PC_REQUIRES_PRIVATE)
  list(JOIN libs " " ANNALS_PC_LIBS)
  list(JOIN libs_private " " ANNALS_PC_LIBS_PRIVATE)
  set(ANNALS_PC_PREFIX "${pc_prefix}")
  set(ANNALS_PC_LIBDIR "${pc_libdir}")
  configure_file(${PROJECT_SOURCE_DIR}/cmake/annals.pc.in
                 ${PROJECT_BINARY_DIR}/annals.pc @ONLY)
endfunction()
